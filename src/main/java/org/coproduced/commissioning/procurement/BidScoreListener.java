package org.coproduced.commissioning.procurement;

import static org.coproduced.commissioning.procurement.ProcurementVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/** Saves one evaluator's scores for one bid; their notes stay out of the engine. */
@Component
public class BidScoreListener implements TaskListener {

  private final ProcurementRepository procurement;

  public BidScoreListener(ProcurementRepository procurement) {
    this.procurement = procurement;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    String notes = form.takePrivateText(PRIVATE_SCORE_NOTES, "Why you gave these scores", TaskForm.LONG_TEXT);
    procurement.saveScore(form.id(BID_ID), form.processText(EVALUATOR_REF), ScoreFields.read(form), notes);
  }
}
