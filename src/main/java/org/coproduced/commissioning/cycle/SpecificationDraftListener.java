package org.coproduced.commissioning.cycle;

import static org.coproduced.commissioning.cycle.CycleVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/** Saves a draft of the specification and starts a new round of expert review. */
@Component
public class SpecificationDraftListener implements TaskListener {

  private final CycleRepository cycles;

  public SpecificationDraftListener(CycleRepository cycles) {
    this.cycles = cycles;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    String summary = form.requiredText(SPECIFICATION_SUMMARY, "Summary of the specification", TaskForm.LONG_TEXT);
    String changes = form.optionalText(CHANGES_MADE, "What you changed since the last round", TaskForm.LONG_TEXT);
    String link = form.optionalText(DOCUMENT_LINK, "Where the full specification is kept", TaskForm.SHORT_TEXT);
    Object drafts = task.getVariable(DRAFTS_THIS_PLAN);
    int draftsBefore = drafts == null ? 0 : ((Number) drafts).intValue();
    if (draftsBefore > 0 && changes == null) {
      throw new FormInputException("Please say what you changed since the last round, and why. "
          + "The experts reviewing it need to know.");
    }
    int round = cycles.recordSpecificationDraft(form.id(CYCLE_ID), summary, changes, link);
    task.setVariable(REVIEW_ROUND, round);
    task.setVariable(DRAFTS_THIS_PLAN, draftsBefore + 1);
  }
}
