package org.coproduced.commissioning.cycle;

import static org.coproduced.commissioning.cycle.CycleVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.involvement.recompense.WorkRecorder;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.stereotype.Component;

/**
 * Records one expert's review of the specification, and what they are owed for it: reviewing is
 * work. Their comments stay out of the engine.
 */
@Component
public class SpecificationReviewListener implements TaskListener {

  private final CycleRepository cycles;
  private final WorkRecorder work;

  public SpecificationReviewListener(CycleRepository cycles, WorkRecorder work) {
    this.cycles = cycles;
    this.work = work;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    String comments = form.takePrivateText(PRIVATE_REVIEW_COMMENTS, "What should change", TaskForm.LONG_TEXT);
    String decision = form.requiredChoice(SPECIFICATION_DECISION, "Your decision",
        SpecificationService.APPROVE, SpecificationService.CHANGES);
    if (SpecificationService.CHANGES.equals(decision) && comments == null) {
      throw new FormInputException("Please tell us what should change, so the commissioner can act on it.");
    }
    int round = ((Number) task.getVariable(REVIEW_ROUND)).intValue();
    long cycleId = form.id(CYCLE_ID);
    String reviewer = form.processText(REVIEWER_REF);
    cycles.recordSpecificationReview(cycleId, round, reviewer, decision, comments);
    // No form asks how long a review took, so each round is recompensed the configured hours.
    work.recordSpecificationReview(cycleId, round, reviewer, null, ProcessClock.today());
  }
}
