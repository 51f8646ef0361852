package org.coproduced.commissioning.involvement.invitation;

import static org.coproduced.commissioning.involvement.InvolvementVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/** Records the answer a coordinator got by contacting an expert who had not replied; a yes is confirmed. */
@Component
public class InvitationFollowUpListener implements TaskListener {

  private final InvitationRepository invitations;
  private final SessionConfirmations confirmations;

  public InvitationFollowUpListener(InvitationRepository invitations, SessionConfirmations confirmations) {
    this.invitations = invitations;
    this.confirmations = confirmations;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    String method = form.requiredChoice(CONTACT_METHOD, "How you contacted them", "phone", "post", "in-person", "email");
    String answer = form.requiredChoice(INVITATION_ANSWER, "Their answer",
        InvitationAnswerListener.ACCEPT, InvitationAnswerListener.DECLINE);
    String notes = form.optionalText(FOLLOW_UP_NOTES, "Notes", TaskForm.LONG_TEXT);
    long invitationId = form.id(INVITATION_ID);
    invitations.recordAnswer(invitationId, InvitationAnswerListener.ACCEPT.equals(answer), method, null);
    // Notes about a person stay in the application's tables; the engine's copy is removed on completion.
    invitations.recordFollowUpNotes(invitationId, notes);
    confirmations.answered(invitationId);
  }
}
