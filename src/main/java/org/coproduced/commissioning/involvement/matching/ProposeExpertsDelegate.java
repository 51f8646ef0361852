package org.coproduced.commissioning.involvement.matching;

import org.coproduced.commissioning.involvement.InvolvementRequest;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationStatus;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import static org.coproduced.commissioning.involvement.InvolvementVariables.*;

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
  private final ProposalSummary summary;

  public ProposeExpertsDelegate(InvolvementRequestRepository requests, InvitationRepository invitations,
      MatchingService matching, ProposalSummary summary) {
    this.requests = requests;
    this.invitations = invitations;
    this.matching = matching;
    this.summary = summary;
  }

  @Override
  public void execute(DelegateExecution execution) {
    InvolvementRequest request = requests.get(TaskForm.of(execution).id(REQUEST_ID));
    // A request that comes round again (nobody could take part) gets a fresh proposal.
    invitations.setStatusForRequest(request.id(), InvitationStatus.PROPOSED, InvitationStatus.WITHDRAWN);
    MatchingRules.Proposal proposal = matching.propose(request);
    for (MatchingRules.Candidate candidate : proposal.invitees()) {
      invitations.insert(request.id(), candidate.expert().id(), InvitationStatus.PROPOSED, candidate.buddy(), null);
    }
    summary.write(execution, request.id(), proposal.notes());
  }
}
