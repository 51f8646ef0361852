package org.coproduced.commissioning.cycle;

import static org.coproduced.commissioning.cycle.CycleVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/** Records the meeting a coordinator held when three review rounds did not reach agreement. */
@Component
public class MediationListener implements TaskListener {

  private final CycleRepository cycles;

  public MediationListener(CycleRepository cycles) {
    this.cycles = cycles;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    cycles.recordMediation(form.id(CYCLE_ID), ((Number) task.getVariable(REVIEW_ROUND)).intValue(),
        form.requiredDate(MEETING_DATE, "Date of the meeting"),
        form.requiredText(AGREED_CHANGES, "What was agreed", TaskForm.LONG_TEXT),
        task.getAssignee());
  }
}
