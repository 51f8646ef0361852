package org.coproduced.commissioning.involvement;

import java.util.List;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.involvement.peerresearch.PeerResearchRepository;
import org.coproduced.commissioning.involvement.recompense.RecompenseLedger;
import org.coproduced.commissioning.records.CycleRecords;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Deletes a cycle's involvement records when the cycle's records are no longer kept: its
 * requests and, before them, what refers to them (recompense entries, peer researchers, invitations,
 * contributions), and the recompense for reviewing its specification and meeting to agree it. Each repository deletes its own rows; this knows only their order.
 */
@Component
@Order(CycleRecords.REFERRING_TO_CYCLE)
class InvolvementCycleRecords implements CycleRecords {

  private final InvolvementRequestRepository requests;
  private final InvitationRepository invitations;
  private final ContributionRepository contributions;
  private final RecompenseLedger ledger;
  private final PeerResearchRepository peerResearch;

  InvolvementCycleRecords(InvolvementRequestRepository requests, InvitationRepository invitations,
      ContributionRepository contributions, RecompenseLedger ledger, PeerResearchRepository peerResearch) {
    this.peerResearch = peerResearch;
    this.requests = requests;
    this.invitations = invitations;
    this.contributions = contributions;
    this.ledger = ledger;
  }

  @Override
  public void deleteForCycle(long cycleId) {
    List<Long> requestIds = requests.idsOfCycle(cycleId);
    ledger.deleteForRequests(requestIds);
    ledger.deleteForCycle(cycleId);
    peerResearch.deleteForRequests(requestIds);
    invitations.deleteForRequests(requestIds);
    contributions.deleteForCycle(cycleId);
    requests.deleteForCycle(cycleId);
  }
}
