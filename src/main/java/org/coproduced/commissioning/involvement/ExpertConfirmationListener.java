package org.coproduced.commissioning.involvement;

import static org.coproduced.commissioning.involvement.InvolvementVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/** The coordinator confirms the proposal; only then are experts invited. */
@Component
public class ExpertConfirmationListener implements TaskListener {

  private final InvitationRepository invitations;

  public ExpertConfirmationListener(InvitationRepository invitations) {
    this.invitations = invitations;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    form.requireTicked(PROPOSAL_CONFIRMED, "I have checked the proposal");
    form.optionalText(CONFIRMATION_NOTES, "Notes", TaskForm.LONG_TEXT);
    long requestId = form.id(REQUEST_ID);
    if (invitations.idsByRequestAndStatus(requestId, Invitation.PROPOSED).isEmpty()) {
      throw new FormInputException("Nobody is proposed for this session. Add experts to the pool, or ask the "
          + "commissioner for another date, before confirming.");
    }
    invitations.setStatusForRequest(requestId, Invitation.PROPOSED, Invitation.CONFIRMED);
  }
}
