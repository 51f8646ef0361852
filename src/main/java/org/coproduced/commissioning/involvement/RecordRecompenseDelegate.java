package org.coproduced.commissioning.involvement;

import static org.coproduced.commissioning.involvement.InvolvementVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/** Records what each expert who took part is owed, in the form they chose. */
@Component
public class RecordRecompenseDelegate implements JavaDelegate {

  private final RecompenseLedger ledger;
  private final ContributionRepository contributions;
  private final InvolvementRequestRepository requests;

  public RecordRecompenseDelegate(RecompenseLedger ledger, ContributionRepository contributions,
      InvolvementRequestRepository requests) {
    this.ledger = ledger;
    this.contributions = contributions;
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long requestId = TaskForm.of(execution).id(REQUEST_ID);
    ledger.recordOwed(requestId);
    requests.markStatus(requestId, "COMPLETED");
    execution.setVariable(CONTRIBUTION_COUNT, contributions.countForRequest(requestId));
  }
}
