package org.coproduced.commissioning.involvement;

import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationStatus;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.involvement.peerresearch.PeerResearchQueries;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Read-only answers the involvement model asks for in its expressions, e.g.
 * {@code ${involvementQueries.acceptedInvitationIds(requestId)}}.
 */
@Component
public class InvolvementQueries {

  private final InvitationRepository invitations;
  private final ContributionRepository contributions;
  private final PeerResearchQueries peerResearch;

  public InvolvementQueries(InvitationRepository invitations, ContributionRepository contributions,
      PeerResearchQueries peerResearch) {
    this.invitations = invitations;
    this.contributions = contributions;
    this.peerResearch = peerResearch;
  }

  public List<Long> confirmedInvitationIds(long requestId) {
    return invitations.idsByRequestAndStatus(requestId, InvitationStatus.CONFIRMED);
  }

  /**
   * The accepted invitations of people coming to the session: one "record attendance" task each.
   * Peer researchers are left out: they record what they gathered in a task of their own.
   */
  public List<Long> acceptedInvitationIds(long requestId) {
    return peerResearch.sessionInvitationIds(requestId);
  }

  /**
   * The invited expert's reference, for the record-contribution form.
   *
   * <p>Instances of the involvement-request model released in 0.1.0 (version tag 1) call this from
   * an expression, {@code involvementQueries.expertRefOf(invitationId)}: keep its name and
   * parameters until none of those instances runs (migrated or finished). Then only
   * {@link ExpertRefListener} calls it.
   */
  public String expertRefOf(long invitationId) {
    return invitations.get(invitationId).expertRef();
  }

  public int contributionCount(long requestId) {
    return contributions.countForRequest(requestId);
  }
}
