package org.coproduced.commissioning.cycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.coproduced.commissioning.feedback.FeedbackCompletionGuard;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/**
 * Closes a cycle only when everyone who contributed has their feedback. Runs asynchronously, so a
 * refusal is an incident in Cockpit and nothing is lost.
 */
@Component
public class CycleCompletionGuard implements JavaDelegate {

  private final FeedbackCompletionGuard feedbackGuard;
  private final CycleRepository cycles;

  public CycleCompletionGuard(FeedbackCompletionGuard feedbackGuard, CycleRepository cycles) {
    this.feedbackGuard = feedbackGuard;
    this.cycles = cycles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long cycleId = TaskForm.of(execution).id(CycleVariables.CYCLE_ID);
    feedbackGuard.requireComplete(cycleId);
    cycles.markEnded(cycleId);
  }
}
