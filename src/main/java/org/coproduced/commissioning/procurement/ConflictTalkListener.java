package org.coproduced.commissioning.procurement;

import static org.coproduced.commissioning.procurement.ProcurementVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/**
 * A coordinator has talked a possible conflict of interest through with a panel member who was not
 * sure: records what they agreed as the declaration, and the panel member's scoring goes ahead.
 */
@Component
public class ConflictTalkListener implements TaskListener {

  private final ProcurementRepository procurement;

  public ConflictTalkListener(ProcurementRepository procurement) {
    this.procurement = procurement;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    boolean conflict = "yes".equals(form.requiredChoice(CONFLICT_AGREED, "What did you agree", "no", "yes"));
    InterestDeclarationListener.record(procurement, form.id(CYCLE_ID), form.processText(EVALUATOR_REF), conflict,
        form.optionalText(CONFLICT_BID_NAMES, "Which bidders", TaskForm.SHORT_TEXT),
        form.optionalText(CONFLICT_DETAILS, "What is the link", TaskForm.LONG_TEXT));
  }
}
