package org.coproduced.commissioning.procurement;

import static org.coproduced.commissioning.procurement.ProcurementVariables.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.stereotype.Component;

/** The outcome of a challenge during the standstill: the award may then go ahead. */
@Component
public class ChallengeOutcomeListener implements TaskListener {

  private final AwardSteps steps;

  public ChallengeOutcomeListener(AwardSteps steps) {
    this.steps = steps;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    long cycleId = form.id(CYCLE_ID);
    ChallengeOutcome outcome = ChallengeOutcome.ofCode(
        form.requiredChoice(CHALLENGE_OUTCOME, "How the challenge ended", ChallengeOutcome.codes()));
    LocalDate on = form.requiredDate(CHALLENGE_OUTCOME_ON, "Date of the outcome");
    if (on.isAfter(ProcessClock.today())) {
      throw new FormInputException("The date of the outcome cannot be in the future.");
    }
    if (steps.openChallengeReceivedOn(cycleId).filter(on::isBefore).isPresent()) {
      throw new FormInputException("The outcome cannot come before the challenge was received.");
    }
    String details = form.takePrivateText(CHALLENGE_OUTCOME_DETAILS, "What was decided", TaskForm.LONG_TEXT);
    steps.recordChallengeOutcome(cycleId, outcome.name(), details, on, StandstillChallengeListener.assignee(task));
  }
}
