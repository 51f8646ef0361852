package org.coproduced.commissioning.involvement.invitation;

import org.coproduced.commissioning.involvement.peerresearch.PeerResearchRepository;
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
  private final PeerResearchRepository peerResearch;

  public SessionConfirmations(InvitationRepository invitations, SessionNews news, PeerResearchRepository peerResearch) {
    this.invitations = invitations;
    this.news = news;
    this.peerResearch = peerResearch;
  }

  /**
   * Confirms the place of someone who has just said yes to the session; nothing for a no, nor for
   * a peer researcher, who comes to no session: their task says what to do and by when.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void answered(long invitationId) {
    Invitation invitation = invitations.get(invitationId);
    if (invitation.status() == InvitationStatus.ACCEPTED && !peerResearch.isResearcher(invitationId)) {
      news.tell(invitation, SessionNewsMessage.confirmed(invitationId));
    }
  }

  /** Reminds everyone who said yes to the session of this request. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void remindEveryoneComing(long requestId) {
    for (Invitation invitation : invitations.findByRequest(requestId)) {
      if (invitation.status() == InvitationStatus.ACCEPTED && !peerResearch.isResearcher(invitation.id())) {
        news.tell(invitation, SessionNewsMessage.reminder(invitation.id()));
      }
    }
  }
}
