package org.coproduced.commissioning.cycle;

import static org.coproduced.commissioning.cycle.CycleVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/** Records what happens to the service after the review with experts. */
@Component
public class ReviewOutcomeListener implements TaskListener {

  private final CycleRepository cycles;

  public ReviewOutcomeListener(CycleRepository cycles) {
    this.cycles = cycles;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    String outcome = form.requiredChoice(REVIEW_OUTCOME, "What happens to the service", "continue", "recommission",
        "decommission");
    cycles.recordReviewOutcome(form.id(CYCLE_ID), outcome, form.requiredText(REVIEW_REASON, "Why", TaskForm.LONG_TEXT));
    if ("recommission".equals(outcome)) {
      // A new round of listening starts: the next specification starts its own count of drafts.
      task.setVariable(DRAFTS_THIS_PLAN, 0);
    }
  }
}
