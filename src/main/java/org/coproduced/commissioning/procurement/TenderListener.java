package org.coproduced.commissioning.procurement;

import static org.coproduced.commissioning.procurement.ProcurementVariables.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.schedule.CycleSchedule;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.stereotype.Component;

/**
 * Records the published tender and the rules it follows (its route: above the threshold,
 * light-touch or below it), which decide the steps after the award. Social value must count for
 * at least 10%, and the tender always asks bidders how they will coproduce the service.
 */
@Component
public class TenderListener implements TaskListener {

  private final ProcurementRepository procurement;
  private final CycleSchedule schedule;
  private final AwardSteps steps;

  public TenderListener(ProcurementRepository procurement, CycleSchedule schedule, AwardSteps steps) {
    this.procurement = procurement;
    this.schedule = schedule;
    this.steps = steps;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    String reference = form.requiredText(NOTICE_REFERENCE, "Notice reference", TaskForm.SHORT_TEXT);
    LocalDate closing = form.requiredDate(CLOSING_DATE, "Closing date");
    if (closing.isBefore(ProcessClock.today())) {
      throw new FormInputException("The closing date has already passed. Please choose today or a later date.");
    }
    String question = form.requiredText(COPRODUCTION_QUESTION, "Question about coproduction", TaskForm.LONG_TEXT);
    Weightings weightings = new Weightings(
        form.requiredWholeNumber(QUALITY_WEIGHTING, "Weighting for quality", 0, 100),
        form.requiredWholeNumber(COPRODUCTION_WEIGHTING, "Weighting for the coproduction plan", 0, 100),
        form.requiredWholeNumber(SOCIAL_VALUE_WEIGHTING, "Weighting for social value", 0, 100),
        form.requiredWholeNumber(PRICE_WEIGHTING, "Weighting for price", 0, 100));
    if (weightings.socialValue() < Weightings.MINIMUM_SOCIAL_VALUE) {
      throw new FormInputException("Social value must count for at least " + Weightings.MINIMUM_SOCIAL_VALUE + "%.");
    }
    if (weightings.total() != 100) {
      throw new FormInputException("The four weightings must add up to 100. They add up to " + weightings.total() + ".");
    }
    // Forms of older model versions have no route: those tenders follow the strictest, above the threshold.
    ProcurementRoute route = task.getVariable(PROCUREMENT_ROUTE) == null ? ProcurementRoute.ABOVE_THRESHOLD
        : ProcurementRoute.ofCode(form.requiredChoice(PROCUREMENT_ROUTE, "Which rules apply", ProcurementRoute.codes()))
            .orElseThrow();
    String planned = form.optionalText(PLANNED_NOTICE_REFERENCE, "Planned procurement notice reference",
        TaskForm.SHORT_TEXT);
    long cycleId = form.id(CYCLE_ID);
    procurement.saveTender(cycleId, reference, closing, question, weightings);
    steps.saveRoute(cycleId, route, planned);
    task.setVariable(PROCUREMENT_ROUTE, route.code());
    task.setVariable(TENDER_CLOSES_AT, schedule.tenderClosesAt(closing));
  }
}
