package org.coproduced.commissioning.involvement.matching;

import org.coproduced.commissioning.involvement.InvolvementRequest;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.invitation.Invitation;
import org.coproduced.commissioning.involvement.invitation.InvitationStatus;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.involvement.recompense.BenefitsRules;
import static org.coproduced.commissioning.involvement.InvolvementVariables.*;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.coproduced.commissioning.experts.Expert;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.experts.LivedExperienceAreas;
import org.springframework.stereotype.Component;

/**
 * Writes what the coordinator needs to see about a proposal into the process, in words and by
 * reference only: who is proposed, which lived experience they cover and which nobody covers,
 * and who needs benefits advice first. The uncovered areas are also kept with the request.
 */
@Component
public class ProposalSummary {

  private final InvolvementRequestRepository requests;
  private final InvitationRepository invitations;
  private final ExpertRepository experts;
  private final LivedExperienceAreas areas;
  private final BenefitsRules benefits;

  public ProposalSummary(InvolvementRequestRepository requests, InvitationRepository invitations,
      ExpertRepository experts, LivedExperienceAreas areas, BenefitsRules benefits) {
    this.requests = requests;
    this.invitations = invitations;
    this.experts = experts;
    this.areas = areas;
    this.benefits = benefits;
  }

  /** Refreshes the summary from the request's invitations that are proposed or confirmed. */
  public void write(VariableScope scope, long requestId, List<String> notes) {
    InvolvementRequest request = requests.get(requestId);
    List<Invitation> invitees = invitations.findByRequest(requestId).stream()
        .filter(i -> i.status().isProposedOrConfirmed())
        .toList();
    List<Expert> invited = invitees.stream().map(Invitation::expertId).distinct()
        .map(id -> experts.findById(id).orElseThrow()).toList();
    Set<String> offered = new LinkedHashSet<>();
    invited.forEach(e -> offered.addAll(e.livedExperience()));
    List<String> uncovered = request.livedExperience().stream().filter(a -> !offered.contains(a)).toList();
    List<String> covered = request.livedExperience().stream().filter(offered::contains).toList();
    requests.recordRepresentationGaps(requestId, uncovered.isEmpty() ? null : String.join(",", uncovered));

    String refs = invitees.stream().map(i -> i.expertRef() + (i.buddy() ? " (buddy)" : ""))
        .collect(Collectors.joining(", "));
    scope.setVariable(PROPOSED_EXPERTS, refs.isEmpty() ? "Nobody is available: see the proposal page" : refs);
    scope.setVariable(REPRESENTATION, representation(covered, uncovered));
    scope.setVariable(PROPOSAL_NOTES, String.join("\n", notes));
    List<String> due = benefits.benefitsCheckDue(invited, request);
    scope.setVariable(BENEFITS_CHECK_DUE, String.join(", ", due));
  }

  private String representation(List<String> covered, List<String> uncovered) {
    String heard = covered.isEmpty() ? "none of the lived experience asked for"
        : covered.stream().map(areas::labelOf).collect(Collectors.joining(", "));
    if (uncovered.isEmpty()) {
      return "Covered: " + heard + ". Every area asked for is covered.";
    }
    return "Covered: " + heard + ". Not covered: "
        + uncovered.stream().map(areas::labelOf).collect(Collectors.joining(", "))
        + ". Consider adding someone, or asking peer researchers to gather these views.";
  }
}
