package org.coproduced.commissioning.cycle;

import static org.coproduced.commissioning.cycle.CycleVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/**
 * Saves a draft of the specification and starts a new round of expert review, once the
 * commissioner has answered every comment of the last round.
 */
@Component
public class SpecificationDraftListener implements TaskListener {

  private final CycleRepository cycles;
  private final SpecificationComments comments;

  public SpecificationDraftListener(CycleRepository cycles, SpecificationComments comments) {
    this.cycles = cycles;
    this.comments = comments;
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
    List<String> unanswered = draftsBefore > 0 ? comments.unansweredInLastRound(form.id(CYCLE_ID)) : List.of();
    if (!unanswered.isEmpty()) {
      // Every comment reaches the commissioner and gets an answer the reviewer will read.
      throw new FormInputException("Please answer every comment from the last round first ("
          + String.join(", ", unanswered) + "): open \"Answer each comment\" in this task, say whether you "
          + "changed the specification and why, then send this form again.");
    }
    int round = cycles.recordSpecificationDraft(form.id(CYCLE_ID), summary, changes, link);
    task.setVariable(REVIEW_ROUND, round);
    task.setVariable(DRAFTS_THIS_PLAN, draftsBefore + 1);
  }
}
