package org.coproduced.commissioning.cycle;

import static org.coproduced.commissioning.cycle.CycleVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.involvement.recompense.WorkRecorder;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.coproduced.commissioning.stepback.StepBacks;
import org.springframework.stereotype.Component;

/**
 * Records one expert's review of the specification, and what they are owed for it: reviewing is
 * work. Their comments stay out of the engine. A reviewer who steps back ("I can't do this now",
 * "I'd like to talk to someone") neither approves nor objects: the reviewers who remain decide.
 */
@Component
public class SpecificationReviewListener implements TaskListener {

  private final CycleRepository cycles;
  private final WorkRecorder work;
  private final StepBacks stepBacks;

  public SpecificationReviewListener(CycleRepository cycles, WorkRecorder work, StepBacks stepBacks) {
    this.cycles = cycles;
    this.work = work;
    this.stepBacks = stepBacks;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    String comments = form.takePrivateText(PRIVATE_REVIEW_COMMENTS, "What should change", TaskForm.LONG_TEXT);
    int round = ((Number) task.getVariable(REVIEW_ROUND)).intValue();
    long cycleId = form.id(CYCLE_ID);
    String reviewer = form.processText(REVIEWER_REF);
    if (stepBacks.handle(task, cycleId, reviewer)) {
      cycles.recordSpecificationReview(cycleId, round, reviewer, SpecificationService.STEPPED_BACK, null);
      return;
    }
    String decision = form.requiredChoice(SPECIFICATION_DECISION, "Your decision",
        SpecificationService.APPROVE, SpecificationService.CHANGES);
    if (SpecificationService.CHANGES.equals(decision) && comments == null) {
      throw new FormInputException("Please tell us what should change, so the commissioner can act on it.");
    }
    cycles.recordSpecificationReview(cycleId, round, reviewer, decision, comments);
    // No form asks how long a review took, so each round is recompensed the configured hours.
    work.recordSpecificationReview(cycleId, round, reviewer, null, ProcessClock.today());
  }
}
