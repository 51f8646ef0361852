package org.coproduced.commissioning.procurement;

import static org.coproduced.commissioning.procurement.ProcurementVariables.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.stereotype.Component;

/**
 * A challenge to the award received during the standstill. Recording it pauses the award: the
 * contract waits until a commissioner records the outcome. What the challenge says may name
 * people, so it is kept with the tender, never in the engine.
 */
@Component
public class StandstillChallengeListener implements TaskListener {

  private final AwardSteps steps;

  public StandstillChallengeListener(AwardSteps steps) {
    this.steps = steps;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    LocalDate received = form.requiredDate(CHALLENGE_RECEIVED_ON, "Date the challenge was received");
    if (received.isAfter(ProcessClock.today())) {
      throw new FormInputException("The date the challenge was received cannot be in the future.");
    }
    String details = form.takePrivateText(CHALLENGE_DETAILS, "What the challenge says", TaskForm.LONG_TEXT);
    if (details == null) {
      throw new FormInputException("Please fill in \"What the challenge says\".");
    }
    steps.recordChallenge(form.id(CYCLE_ID), received, details, assignee(task));
  }

  static String assignee(DelegateTask task) {
    return task.getAssignee() == null ? "unknown" : task.getAssignee();
  }
}
