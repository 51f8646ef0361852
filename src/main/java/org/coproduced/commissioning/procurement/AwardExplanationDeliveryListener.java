package org.coproduced.commissioning.procurement;

import static org.coproduced.commissioning.procurement.ProcurementVariables.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.stereotype.Component;

/** A coordinator confirms they told one expert on the panel the award decision, by post, phone or in person. */
@Component
public class AwardExplanationDeliveryListener implements TaskListener {

  private final AwardExplanations explanations;

  public AwardExplanationDeliveryListener(AwardExplanations explanations) {
    this.explanations = explanations;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    String method = form.requiredChoice(AWARD_TOLD_BY, "How did you tell them?", "post", "phone", "in-person");
    LocalDate on = form.requiredDate(AWARD_TOLD_ON, "Date you told them");
    if (on.isAfter(ProcessClock.today())) {
      throw new FormInputException("\"Date you told them\" cannot be in the future. Please confirm once you have told them.");
    }
    form.requireTicked(AWARD_TOLD_CONFIRMED, "I confirm I told this person the decision");
    explanations.recordTold(form.id(CYCLE_ID), form.processText(PANEL_EXPERT_REF), method, on,
        task.getAssignee());
  }
}
