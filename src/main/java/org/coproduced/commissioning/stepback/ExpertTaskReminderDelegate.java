package org.coproduced.commissioning.stepback;

import static org.coproduced.commissioning.stepback.StepBackVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.coproduced.commissioning.experts.ExpertContacts;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.notification.MessageQueue;
import org.coproduced.commissioning.notification.Recipient;
import org.springframework.stereotype.Component;

/**
 * Before an expert task's due date, reminds the expert gently, by their channel: an email once per
 * task (its idempotency key), or, for someone who prefers post or phone, a coordinator task to
 * remind them. Nothing if the task was done meanwhile.
 */
@Component
public class ExpertTaskReminderDelegate implements JavaDelegate {

  private final ExpertTaskStatus status;
  private final ExpertContacts contacts;
  private final MessageQueue messages;
  private final FollowUps followUps;

  public ExpertTaskReminderDelegate(ExpertTaskStatus status, ExpertContacts contacts, MessageQueue messages,
      FollowUps followUps) {
    this.status = status;
    this.contacts = contacts;
    this.messages = messages;
    this.followUps = followUps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TaskForm form = TaskForm.of(execution);
    String taskId = form.processText(EXPERT_TASK_ID);
    if (!status.stillOpen(taskId)) {
      return;
    }
    long cycleId = form.id(CYCLE_ID);
    String expertRef = form.processText(EXPERT_REF);
    String taskKind = form.processText(TASK_KIND);
    if (contacts.emailReaches(expertRef)) {
      messages.queue("task-reminder/" + taskId, Recipient.expert(expertRef),
          new StepBackMessage(StepBackMessage.REMINDER, taskId, cycleId, taskKind));
    } else {
      followUps.ask(FollowUpReason.REMINDER, cycleId, expertRef, taskKind, taskId);
    }
  }
}
