package org.coproduced.commissioning.feedback;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/**
 * Refuses to finish while anyone who contributed has not had their feedback acknowledged or
 * confirmed. Runs as an asynchronous step, so a refusal becomes an incident in Cockpit; once the
 * feedback is complete, retrying the job lets the process end.
 */
@Component
public class FeedbackCompletionGuard implements JavaDelegate {

  private final FeedbackRepository feedback;

  public FeedbackCompletionGuard(FeedbackRepository feedback) {
    this.feedback = feedback;
  }

  @Override
  public void execute(DelegateExecution execution) {
    requireComplete(TaskForm.of(execution).id(FeedbackVariables.CYCLE_ID));
  }

  /** Throws while any contributor of the cycle is still waiting for feedback. */
  public void requireComplete(long cycleId) {
    List<String> waiting = feedback.waitingRefs(cycleId);
    if (!waiting.isEmpty()) {
      throw new ProcessEngineException("Cycle " + cycleId + " cannot end yet: " + waiting.size()
          + " people have not had their feedback acknowledged or confirmed (" + String.join(", ", waiting)
          + "). Deliver it, then retry.");
    }
  }
}
