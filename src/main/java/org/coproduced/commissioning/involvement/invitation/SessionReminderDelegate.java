package org.coproduced.commissioning.involvement.invitation;

import static org.coproduced.commissioning.involvement.InvolvementVariables.REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/**
 * Shortly before the session (timer {@code Event_SessionReminderDue}), everyone who said yes is
 * reminded of it. The timer's job runs on one node; were it run twice, the outbox and the task
 * keys would still tell each person once.
 */
@Component
public class SessionReminderDelegate implements JavaDelegate {

  private final SessionConfirmations confirmations;

  public SessionReminderDelegate(SessionConfirmations confirmations) {
    this.confirmations = confirmations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    confirmations.remindEveryoneComing(TaskForm.of(execution).id(REQUEST_ID));
  }
}
