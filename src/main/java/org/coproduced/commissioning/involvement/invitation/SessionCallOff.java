package org.coproduced.commissioning.involvement.invitation;

import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A session that will not happen, because its cycle was stopped or deleted: the reason is kept,
 * every booking for it is released, and everyone who was invited or had said yes hears why, by
 * their channel. People only proposed or confirmed had not heard of it, so they are not told.
 */
@Service
public class SessionCallOff {

  /** The longest reason kept: an administrator's reason for deleting comes from Cockpit, unchecked. */
  static final int MAXIMUM_REASON_LENGTH = 4000;

  private final InvolvementRequestRepository requests;
  private final InvitationRepository invitations;
  private final SessionNews news;

  public SessionCallOff(InvolvementRequestRepository requests, InvitationRepository invitations, SessionNews news) {
    this.requests = requests;
    this.invitations = invitations;
    this.news = news;
  }

  /**
   * Calls off the session of a request, in the caller's transaction. Does nothing for a session
   * already held or called off, so a second call tells nobody twice.
   *
   * @param reason why, in the words of the person who decided; {@code null} if none was given
   */
  @Transactional
  public void callOff(long requestId, String reason) {
    String kept = reason == null || reason.isBlank() ? null : reason.strip();
    if (kept != null && kept.length() > MAXIMUM_REASON_LENGTH) {
      kept = kept.substring(0, MAXIMUM_REASON_LENGTH);
    }
    if (!requests.recordCalledOff(requestId, kept)) {
      return;
    }
    for (Invitation invitation : invitations.callOff(requestId)) {
      news.tell(invitation, SessionNewsMessage.calledOff(invitation.id()));
    }
  }
}
