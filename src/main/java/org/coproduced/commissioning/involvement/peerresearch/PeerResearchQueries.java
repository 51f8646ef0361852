package org.coproduced.commissioning.involvement.peerresearch;

import java.util.List;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationStatus;
import org.springframework.stereotype.Component;

/**
 * Read-only answers the involvement model asks about peer research in its expressions, e.g.
 * {@code ${peerResearchQueries.researcherInvitationIds(requestId)}}.
 */
@Component
public class PeerResearchQueries {

  private final PeerResearchRepository peerResearch;
  private final InvitationRepository invitations;

  public PeerResearchQueries(PeerResearchRepository peerResearch, InvitationRepository invitations) {
    this.peerResearch = peerResearch;
    this.invitations = invitations;
  }

  /** Whether the request asks for peer research with no session; every request before peer research had one. */
  public boolean peerResearchOnly(long requestId) {
    return peerResearch.ask(requestId).map(ask -> !ask.sessionToo()).orElse(false);
  }

  /** Whether the request asks experts to gather views as peer researchers. */
  public boolean peerResearchAsked(long requestId) {
    return peerResearch.ask(requestId).isPresent();
  }

  /** The invitations of everyone who said yes to gathering views: one "record what people told you" task each. */
  public List<Long> researcherInvitationIds(long requestId) {
    List<Long> researchers = peerResearch.researcherInvitationIds(requestId);
    return invitations.idsByRequestAndStatus(requestId, InvitationStatus.ACCEPTED).stream()
        .filter(researchers::contains).toList();
  }

  /** The accepted invitations of people coming to the session, peer researchers left out. */
  public List<Long> sessionInvitationIds(long requestId) {
    List<Long> researchers = peerResearch.researcherInvitationIds(requestId);
    return invitations.idsByRequestAndStatus(requestId, InvitationStatus.ACCEPTED).stream()
        .filter(id -> !researchers.contains(id)).toList();
  }
}
