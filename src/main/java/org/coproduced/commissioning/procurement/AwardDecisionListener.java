package org.coproduced.commissioning.procurement;

import static org.coproduced.commissioning.procurement.ProcurementVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.schedule.CycleSchedule;
import org.springframework.stereotype.Component;

/**
 * Records the award decision. Deciding with experts means recording whether the expert panel
 * agrees; if it does not, the commissioner must explain the decision to them in writing. Every
 * expert on the panel then hears the decision, by their channel, before the contract is awarded.
 */
@Component
public class AwardDecisionListener implements TaskListener {

  private final ProcurementRepository procurement;
  private final CycleSchedule schedule;
  private final AwardExplanations explanations;

  public AwardDecisionListener(ProcurementRepository procurement, CycleSchedule schedule,
      AwardExplanations explanations) {
    this.procurement = procurement;
    this.schedule = schedule;
    this.explanations = explanations;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    long cycleId = form.id(CYCLE_ID);
    String winning = form.requiredText(WINNING_BID, "Winning bid", TaskForm.SHORT_TEXT);
    long winningBidId = procurement.bids(cycleId).stream()
        .filter(bid -> String.valueOf(bid.id()).equals(winning)).findFirst()
        .orElseThrow(() -> new FormInputException("Please choose the winning bid from the list.")).id();
    boolean panelAgrees = "yes".equals(form.requiredChoice(PANEL_AGREES, "Does the expert panel agree", "yes", "no"));
    String reason = form.optionalText(REASON_FOR_EXPERTS, "Your explanation to the experts", TaskForm.LONG_TEXT);
    if (!panelAgrees && reason == null) {
      throw new FormInputException("The expert panel does not agree, so please explain your decision to them. "
          + "They will see what you write.");
    }
    procurement.saveAward(cycleId, winningBidId, panelAgrees, reason);
    // The explanation may name people: it is kept with the tender, never in the engine (see PersonalFieldRemover).
    explanations.explain(cycleId, winningBidId);
    task.setVariable(STANDSTILL_ENDS_AT, schedule.standstillEndsAt());
  }
}
