package org.coproduced.commissioning.feedback;

import static org.coproduced.commissioning.feedback.FeedbackVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.experts.ExpertContacts;
import org.coproduced.commissioning.notification.MessageQueue;
import org.coproduced.commissioning.notification.Recipient;
import org.springframework.stereotype.Component;

/**
 * Sends one contributor their "you said, we did" by email, with every contribution answered and
 * a personal acknowledgement link: to experts who chose email, and to experts in Tasklist as well
 * as their task. Experts who prefer post or phone get theirs from a coordinator instead.
 */
@Component
public class SendFeedbackDelegate implements JavaDelegate {

  private final ExpertContacts contacts;
  private final MessageQueue messages;

  public SendFeedbackDelegate(ExpertContacts contacts, MessageQueue messages) {
    this.contacts = contacts;
    this.messages = messages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TaskForm form = TaskForm.of(execution);
    String ref = form.processText(CONTRIBUTOR_REF);
    long cycleId = form.id(CYCLE_ID);
    if (!"offline".equals(form.processText(DELIVERY_CHANNEL)) && contacts.emailReaches(ref)) {
      // One message per person and delivery: a cancelled cycle that delivers again sends again.
      messages.queue("feedback/" + cycleId + "/" + ref + "/" + execution.getProcessInstanceId(), 
          Recipient.expert(ref), new FeedbackMessage(cycleId));
    }
  }
}
