package org.coproduced.commissioning.involvement;

import static org.coproduced.commissioning.involvement.InvolvementVariables.*;

import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/** Asks the matching service for a fair proposal and records it for the coordinator to confirm. */
@Component
public class ProposeExpertsDelegate implements JavaDelegate {

  private final InvolvementRequestRepository requests;
  private final InvitationRepository invitations;
  private final MatchingService matching;

  public ProposeExpertsDelegate(InvolvementRequestRepository requests, InvitationRepository invitations,
      MatchingService matching) {
    this.requests = requests;
    this.invitations = invitations;
    this.matching = matching;
  }

  @Override
  public void execute(DelegateExecution execution) {
    InvolvementRequest request = requests.get(TaskForm.of(execution).id(REQUEST_ID));
    // A request that comes round again (nobody could take part) gets a fresh proposal.
    invitations.setStatusForRequest(request.id(), Invitation.PROPOSED, Invitation.WITHDRAWN);
    MatchingService.Proposal proposal = matching.propose(request);
    for (MatchingService.Candidate candidate : proposal.invitees()) {
      invitations.insert(request.id(), candidate.expert().id(), Invitation.PROPOSED, candidate.buddy(), null);
    }
    requests.recordRepresentationGaps(request.id(),
        proposal.uncoveredAreas().isEmpty() ? null : String.join(",", proposal.uncoveredAreas()));
    String refs = proposal.invitees().stream()
        .map(c -> c.expert().ref() + (c.buddy() ? " (buddy)" : ""))
        .collect(Collectors.joining(", "));
    execution.setVariable(PROPOSED_EXPERTS, refs.isEmpty() ? "Nobody is available: see the proposal page" : refs);
  }
}
