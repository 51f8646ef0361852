package org.coproduced.commissioning.involvement.written;

import static org.coproduced.commissioning.involvement.written.WrittenContributionVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.notification.MessageQueue;
import org.coproduced.commissioning.notification.Recipient;
import org.springframework.stereotype.Component;

/** Queues "Would you like to send us your thoughts instead?" once per invitation, through the outbox. */
@Component
public class OfferWrittenContributionDelegate implements JavaDelegate {

  private final MessageQueue messages;

  public OfferWrittenContributionDelegate(MessageQueue messages) {
    this.messages = messages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TaskForm form = TaskForm.of(execution);
    long invitationId = form.id(INVITATION_ID);
    String ref = form.processText(EXPERT_REF);
    messages.queue("written-contribution-offer/" + invitationId + "/" + ref, Recipient.expert(ref),
        new WrittenContributionMessage(invitationId));
  }
}
