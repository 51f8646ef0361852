package org.coproduced.commissioning.involvement.peerresearch;

import static org.coproduced.commissioning.involvement.peerresearch.PeerResearchVariables.*;

import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.involvement.invitation.Invitation;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.springframework.stereotype.Component;

/**
 * How an expert who says yes takes part: for a request with peer research only, by gathering
 * views; for one with both, as they chose when answering (at the session, or gathering views);
 * otherwise at the session, as before.
 */
@Component
public class PeerResearchRoles {

  private final PeerResearchRepository peerResearch;
  private final InvitationRepository invitations;

  public PeerResearchRoles(PeerResearchRepository peerResearch, InvitationRepository invitations) {
    this.peerResearch = peerResearch;
    this.invitations = invitations;
  }

  /**
   * Records the role that goes with an answer. {@code takePartAs} is the expert's choice, needed
   * only when the request has both.
   *
   * @throws FormInputException when the request has both and the expert who said yes did not choose
   */
  public void afterAnswer(long invitationId, boolean accepted, String takePartAs) {
    Invitation invitation = invitations.get(invitationId);
    PeerResearchAsk ask = peerResearch.ask(invitation.requestId()).orElse(null);
    if (ask == null) {
      return;
    }
    boolean gathersViews = !ask.sessionToo() || PEER_RESEARCH.equals(takePartAs);
    if (choiceMissing(invitation.requestId(), accepted, takePartAs)) {
      throw new FormInputException(CHOOSE_HOW);
    }
    if (accepted && gathersViews) {
      peerResearch.addResearcher(invitation.id(), invitation.requestId(), invitation.expertId());
    } else {
      peerResearch.removeResearcher(invitation.id());
    }
  }

  /** What someone who said yes to a request with both is told when they did not say how they take part. */
  public static final String CHOOSE_HOW = "Please choose how you would like to take part: at the session, or by "
      + "gathering views from people who do not come to meetings.";

  /** Whether a yes to this request needs a choice of how to take part, and none was made. */
  public boolean choiceMissing(long requestId, boolean accepted, String takePartAs) {
    boolean both = peerResearch.ask(requestId).map(PeerResearchAsk::sessionToo).orElse(false);
    return accepted && both && !SESSION.equals(takePartAs) && !PEER_RESEARCH.equals(takePartAs);
  }
}
