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
 * The contract award notice, which starts the standstill: at least 8 working days beginning with
 * the day it is published. Above the threshold the standstill is kept; for light-touch contracts
 * the Act makes it voluntary, so the commissioner chooses, and the choice is recorded.
 */
@Component
public class AwardNoticeListener implements TaskListener {

  private final AwardSteps steps;
  private final CycleSchedule schedule;

  public AwardNoticeListener(AwardSteps steps, CycleSchedule schedule) {
    this.steps = steps;
    this.schedule = schedule;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    long cycleId = form.id(CYCLE_ID);
    String reference = form.requiredText(AWARD_NOTICE_REFERENCE, "Contract award notice reference", TaskForm.SHORT_TEXT);
    LocalDate published = form.requiredDate(AWARD_NOTICE_PUBLISHED_ON, "Date the notice was published");
    if (published.isAfter(ProcessClock.today())) {
      throw new FormInputException("The notice must be published before you record it. "
          + "The date it was published cannot be in the future.");
    }
    ProcurementRoute route = steps.route(cycleId);
    boolean standstill = !route.standstillVoluntary()
        || "yes".equals(form.requiredChoice(KEEP_STANDSTILL, "Will you keep a standstill", "yes", "no"));
    steps.saveAwardNotice(cycleId, reference, published, standstill,
        standstill ? schedule.standstillLastDay(published) : null);
    task.setVariable(STANDSTILL_APPLIES, standstill);
    task.setVariable(STANDSTILL_ENDS_AT, schedule.standstillEndsAfterNotice(published));
  }
}
