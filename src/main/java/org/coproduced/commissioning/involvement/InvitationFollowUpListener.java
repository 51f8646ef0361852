package org.coproduced.commissioning.involvement;

import static org.coproduced.commissioning.involvement.InvolvementVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/** Records the answer a coordinator got by contacting an expert who had not replied. */
@Component
public class InvitationFollowUpListener implements TaskListener {

  private final InvitationRepository invitations;

  public InvitationFollowUpListener(InvitationRepository invitations) {
    this.invitations = invitations;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    String method = form.requiredChoice(CONTACT_METHOD, "How you contacted them", "phone", "post", "in-person", "email");
    String answer = form.requiredChoice(INVITATION_ANSWER, "Their answer",
        InvitationAnswerListener.ACCEPT, InvitationAnswerListener.DECLINE);
    form.optionalText(FOLLOW_UP_NOTES, "Notes", TaskForm.LONG_TEXT);
    invitations.recordAnswer(form.id(INVITATION_ID), InvitationAnswerListener.ACCEPT.equals(answer), method, null);
  }
}
