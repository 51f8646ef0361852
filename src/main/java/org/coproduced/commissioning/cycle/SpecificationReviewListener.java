package org.coproduced.commissioning.cycle;

import static org.coproduced.commissioning.cycle.CycleVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/** Records one expert's review of the specification; their comments stay out of the engine. */
@Component
public class SpecificationReviewListener implements TaskListener {

  private final CycleRepository cycles;

  public SpecificationReviewListener(CycleRepository cycles) {
    this.cycles = cycles;
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
    cycles.recordSpecificationReview(form.id(CYCLE_ID), round, form.processText(REVIEWER_REF), decision, comments);
  }
}
