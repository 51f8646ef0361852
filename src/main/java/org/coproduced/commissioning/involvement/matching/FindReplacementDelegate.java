package org.coproduced.commissioning.involvement.matching;

import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationStatus;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import static org.coproduced.commissioning.involvement.InvolvementVariables.*;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.coproduced.commissioning.experts.Expert;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/** When an expert declines, invites the next fairest eligible expert in their place. */
@Component
public class FindReplacementDelegate implements JavaDelegate {

  private final InvolvementRequestRepository requests;
  private final InvitationRepository invitations;
  private final MatchingService matching;

  public FindReplacementDelegate(InvolvementRequestRepository requests, InvitationRepository invitations,
      MatchingService matching) {
    this.requests = requests;
    this.invitations = invitations;
    this.matching = matching;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TaskForm form = TaskForm.of(execution);
    long declinedId = form.id(INVITATION_ID);
    Optional<Expert> replacement = matching.replacement(requests.get(form.id(REQUEST_ID)));
    execution.setVariable(REPLACEMENT_FOUND, replacement.isPresent());
    replacement.ifPresent(expert -> {
      long invitationId = invitations.insert(form.id(REQUEST_ID), expert.id(), InvitationStatus.CONFIRMED, false,
          declinedId);
      execution.setVariable(INVITATION_ID, invitationId);
    });
  }
}
