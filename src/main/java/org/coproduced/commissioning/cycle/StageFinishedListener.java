package org.coproduced.commissioning.cycle;

import org.coproduced.commissioning.modelcheck.Stage;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.coproduced.commissioning.forms.TaskForm;

/**
 * On the flow that leaves a stage's last decision: tells everyone who has contributed so far where
 * things are now. There is one bean per stage ({@code ${planStageFinishedListener}}) rather than one
 * with an injected field, so the model names the stage where a reader sees it, and no field is set
 * on a bean that every cycle shares.
 */
abstract class StageFinishedListener implements ExecutionListener {

  private final StageUpdates updates;
  private final Stage stage;
  private final String gateRequestVariable;

  StageFinishedListener(StageUpdates updates, Stage stage, String gateRequestVariable) {
    this.updates = updates;
    this.stage = stage;
    this.gateRequestVariable = gateRequestVariable;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Object gateRequest = execution.getVariable(gateRequestVariable);
    updates.stageFinished(TaskForm.of(execution).id(CycleVariables.CYCLE_ID), stage,
        gateRequest instanceof Number id ? id.longValue() : null);
  }
}
