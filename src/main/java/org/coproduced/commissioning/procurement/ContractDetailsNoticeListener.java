package org.coproduced.commissioning.procurement;

import static org.coproduced.commissioning.procurement.ProcurementVariables.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.stereotype.Component;

/** The contract details notice, published after the contract is entered into (late ones are recorded as late). */
@Component
public class ContractDetailsNoticeListener implements TaskListener {

  private final AwardSteps steps;

  public ContractDetailsNoticeListener(AwardSteps steps) {
    this.steps = steps;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    long cycleId = form.id(CYCLE_ID);
    String reference = form.requiredText(DETAILS_NOTICE_REFERENCE, "Contract details notice reference",
        TaskForm.SHORT_TEXT);
    LocalDate published = form.requiredDate(DETAILS_NOTICE_PUBLISHED_ON, "Date the notice was published");
    if (published.isAfter(ProcessClock.today())) {
      throw new FormInputException("The date the notice was published cannot be in the future.");
    }
    if (steps.contractSignedOn(cycleId).filter(published::isBefore).isPresent()) {
      throw new FormInputException("The contract details notice comes after the contract is entered into. "
          + "Please check the date.");
    }
    steps.saveDetailsNotice(cycleId, reference, published);
  }
}
