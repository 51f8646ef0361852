package org.coproduced.commissioning.procurement;

import static org.coproduced.commissioning.procurement.ProcurementVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.stepback.StepBacks;
import org.springframework.stereotype.Component;

/**
 * Saves one evaluator's scores for one bid; their notes stay out of the engine. Someone who steps
 * back leaves no score: the moderation works from the scores given ({@link ProcurementService#scoreSummary}).
 */
@Component
public class BidScoreListener implements TaskListener {

  private final ProcurementRepository procurement;
  private final StepBacks stepBacks;
  private final PanelStrength panel;

  public BidScoreListener(ProcurementRepository procurement, StepBacks stepBacks, PanelStrength panel) {
    this.procurement = procurement;
    this.stepBacks = stepBacks;
    this.panel = panel;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    String notes = form.takePrivateText(PRIVATE_SCORE_NOTES, "Why you gave these scores", TaskForm.LONG_TEXT);
    long cycleId = procurement.bid(form.id(BID_ID)).cycleId();
    if (stepBacks.handle(task, cycleId, form.processText(EVALUATOR_REF))) {
      panel.afterStepBack(task, cycleId, form.processText(EVALUATOR_REF));
      return;
    }
    procurement.saveScore(form.id(BID_ID), form.processText(EVALUATOR_REF), ScoreFields.read(form), notes);
  }
}
