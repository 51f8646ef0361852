package org.coproduced.commissioning.procurement;

import static org.coproduced.commissioning.procurement.ProcurementVariables.BID_ID;
import static org.coproduced.commissioning.procurement.ProcurementVariables.BID_NAME;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/**
 * When a score-bid or moderate-scores task is created, gives its form the bidder's name, so the
 * person sees which bid they are scoring.
 */
@Component
public class BidNameListener implements TaskListener {

  private final ProcurementService procurement;

  public BidNameListener(ProcurementService procurement) {
    this.procurement = procurement;
  }

  @Override
  public void notify(DelegateTask task) {
    // On the task's own execution, where the task's input parameter declares it: each bid of the
    // multi-instance task has its own name, and none leaks into the process.
    task.getExecution().setVariableLocal(BID_NAME, procurement.bidName(TaskForm.of(task).id(BID_ID)));
  }
}
