package org.coproduced.commissioning.procurement;

import static org.coproduced.commissioning.procurement.ProcurementVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.schedule.CycleSchedule;
import org.springframework.stereotype.Component;

/** Records the awarded contract and schedules the service's review. */
@Component
public class ContractAwardListener implements TaskListener {

  private final ProcurementRepository procurement;
  private final CycleSchedule schedule;

  public ContractAwardListener(ProcurementRepository procurement, CycleSchedule schedule) {
    this.procurement = procurement;
    this.schedule = schedule;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    procurement.saveContract(form.id(CYCLE_ID),
        form.requiredText(CONTRACT_REFERENCE, "Contract reference", TaskForm.SHORT_TEXT),
        form.requiredDate(CONTRACT_START_DATE, "When the contract starts"));
    task.setVariable(REVIEW_DUE_AT, schedule.reviewDueAt());
  }
}
