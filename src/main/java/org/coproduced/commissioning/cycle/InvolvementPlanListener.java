package org.coproduced.commissioning.cycle;

import static org.coproduced.commissioning.cycle.CycleVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/** Records the involvement plan the coordinator agreed with the commissioner. */
@Component
public class InvolvementPlanListener implements TaskListener {

  private final CycleRepository cycles;

  public InvolvementPlanListener(CycleRepository cycles) {
    this.cycles = cycles;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    String purpose = form.requiredText(SHARED_PURPOSE, "Shared purpose", TaskForm.LONG_TEXT);
    String roles = form.requiredText(ROLES_AGREED, "Who does what", TaskForm.LONG_TEXT);
    String offer = form.requiredChoice(RECOMPENSE_OFFER, "Recompense offered", "choice", "voucher", "payment",
        "training", "none");
    form.requireTicked(PLAN_AGREED, "The commissioner and I have agreed this plan");
    cycles.recordPlan(form.id(CYCLE_ID), purpose, roles, offer);
  }
}
