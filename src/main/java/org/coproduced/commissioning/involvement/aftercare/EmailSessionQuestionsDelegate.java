package org.coproduced.commissioning.involvement.aftercare;

import static org.coproduced.commissioning.involvement.aftercare.AftercareVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.notification.MessageQueue;
import org.coproduced.commissioning.notification.Recipient;
import org.springframework.stereotype.Component;

/** Queues the "How was it for you?" email, once per person and session, through the outbox. */
@Component
public class EmailSessionQuestionsDelegate implements JavaDelegate {

  private final MessageQueue messages;

  public EmailSessionQuestionsDelegate(MessageQueue messages) {
    this.messages = messages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TaskForm form = TaskForm.of(execution);
    long invitationId = form.id(INVITATION_ID);
    String ref = form.processText(EXPERT_REF);
    messages.queue("session-questions/" + invitationId + "/" + ref, Recipient.expert(ref),
        new SessionQuestionsMessage(invitationId));
  }
}
