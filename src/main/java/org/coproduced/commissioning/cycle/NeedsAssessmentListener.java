package org.coproduced.commissioning.cycle;

import static org.coproduced.commissioning.cycle.CycleVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/** Records the needs assessment, written after experts' insight was gathered. */
@Component
public class NeedsAssessmentListener implements TaskListener {

  private final CycleRepository cycles;

  public NeedsAssessmentListener(CycleRepository cycles) {
    this.cycles = cycles;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    cycles.recordNeedsAssessment(form.id(CYCLE_ID),
        form.requiredText(NEEDS_SUMMARY, "Summary of needs", TaskForm.LONG_TEXT),
        form.optionalText(DOCUMENT_LINK, "Where the full needs assessment is kept", TaskForm.SHORT_TEXT));
  }
}
