package org.coproduced.commissioning.procurement;

import static org.coproduced.commissioning.procurement.ProcurementVariables.BID_ID;
import static org.coproduced.commissioning.procurement.ProcurementVariables.SCORE_SUMMARY;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/**
 * When a moderate-scores task is created, gives its form every evaluator's scores for the bid and
 * the average, for the commissioner to agree the panel's scores.
 */
@Component
public class ScoreSummaryListener implements TaskListener {

  private final ProcurementService procurement;

  public ScoreSummaryListener(ProcurementService procurement) {
    this.procurement = procurement;
  }

  @Override
  public void notify(DelegateTask task) {
    // Local to the task's execution, like the bid's name (see BidNameListener).
    task.getExecution().setVariableLocal(SCORE_SUMMARY, procurement.scoreSummary(TaskForm.of(task).id(BID_ID)));
  }
}
