package org.coproduced.commissioning.involvement.invitation;

import java.util.List;
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
  private final List<CallOffRoute> routes;

  public SessionCallOff(InvolvementRequestRepository requests, InvitationRepository invitations, SessionNews news,
      List<CallOffRoute> routes) {
    this.requests = requests;
    this.invitations = invitations;
    this.news = news;
    this.routes = routes;
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
    invitations.callOff(requestId).forEach(this::tellCalledOff);
  }

  /**
   * Tells someone whose invitation was just called off, in the caller's transaction: in the words
   * of the way they take part (a peer researcher hears the research is no longer needed), or else
   * that the session will not happen.
   */
  public void tellCalledOff(Invitation invitation) {
    if (routes.stream().noneMatch(route -> route.tellCalledOff(invitation))) {
      news.tell(invitation, SessionNewsMessage.calledOff(invitation.id()));
    }
  }
}
