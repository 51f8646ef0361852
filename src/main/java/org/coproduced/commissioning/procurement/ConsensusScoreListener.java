package org.coproduced.commissioning.procurement;

import static org.coproduced.commissioning.procurement.ProcurementVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/** Saves the scores the whole panel agreed for one bid at moderation. */
@Component
public class ConsensusScoreListener implements TaskListener {

  private final ProcurementRepository procurement;

  public ConsensusScoreListener(ProcurementRepository procurement) {
    this.procurement = procurement;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    procurement.saveConsensus(form.id(BID_ID), ScoreFields.read(form),
        form.requiredText(MODERATION_NOTES, "How the panel reached agreement", TaskForm.LONG_TEXT));
  }
}
