package org.coproduced.commissioning.procurement;

import static org.coproduced.commissioning.procurement.ProcurementVariables.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.schedule.CycleSchedule;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.stereotype.Component;

/**
 * Records the awarded contract, schedules the service's review, and says when the contract details
 * notice is due: 30 days after the contract date (120 for light-touch contracts), with a reminder
 * some days before. Older model versions have no contract date on their form: today is used.
 */
@Component
public class ContractAwardListener implements TaskListener {

  private final ProcurementRepository procurement;
  private final CycleSchedule schedule;
  private final AwardSteps steps;
  private final ProcurementProperties properties;

  public ContractAwardListener(ProcurementRepository procurement, CycleSchedule schedule, AwardSteps steps,
      ProcurementProperties properties) {
    this.procurement = procurement;
    this.schedule = schedule;
    this.steps = steps;
    this.properties = properties;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    long cycleId = form.id(CYCLE_ID);
    LocalDate signed = task.getVariable(CONTRACT_SIGNED_DATE) == null ? ProcessClock.today()
        : form.requiredDate(CONTRACT_SIGNED_DATE, "Date the contract was entered into");
    if (signed.isAfter(ProcessClock.today())) {
      throw new FormInputException("Please record the contract once it has been entered into. "
          + "The date cannot be in the future.");
    }
    procurement.saveContract(cycleId,
        form.requiredText(CONTRACT_REFERENCE, "Contract reference", TaskForm.SHORT_TEXT),
        form.requiredDate(CONTRACT_START_DATE, "When the contract starts"));
    LocalDate due = signed.plusDays(properties.contractDetailsDays(steps.route(cycleId)));
    steps.saveContractSigned(cycleId, signed, due);
    task.setVariable(CONTRACT_DETAILS_DUE_AT, at(due, 17));
    LocalDate remind = due.minusDays(properties.contractDetailsReminderDays());
    task.setVariable(CONTRACT_DETAILS_REMIND_AT, at(remind.isBefore(ProcessClock.today()) ? ProcessClock.today() : remind, 9));
    task.setVariable(REVIEW_DUE_AT, schedule.reviewDueAt());
  }

  /** A time of day on the date: due at 17:00 on the last day, reminded at 09:00. */
  private static Date at(LocalDate day, int hour) {
    return Date.from(day.atTime(hour, 0).atZone(ZoneId.systemDefault()).toInstant());
  }
}
