package org.coproduced.commissioning.involvement.invitation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everyone who says yes to a session hears at once that their place is confirmed, and is reminded
 * shortly before it: by email, or through a coordinator for people who prefer post or phone.
 */
@Service
public class SessionConfirmations {

  private final InvitationRepository invitations;
  private final SessionNews news;

  public SessionConfirmations(InvitationRepository invitations, SessionNews news) {
    this.invitations = invitations;
    this.news = news;
  }

  /** Confirms the place of someone who has just said yes; nothing for a no. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void answered(long invitationId) {
    Invitation invitation = invitations.get(invitationId);
    if (invitation.status() == InvitationStatus.ACCEPTED) {
      news.tell(invitation, SessionNewsMessage.confirmed(invitationId));
    }
  }

  /** Reminds everyone who said yes to the session of this request. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void remindEveryoneComing(long requestId) {
    for (Invitation invitation : invitations.findByRequest(requestId)) {
      if (invitation.status() == InvitationStatus.ACCEPTED) {
        news.tell(invitation, SessionNewsMessage.reminder(invitation.id()));
      }
    }
  }
}
