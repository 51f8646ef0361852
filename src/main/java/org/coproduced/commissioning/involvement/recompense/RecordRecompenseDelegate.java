package org.coproduced.commissioning.involvement.recompense;

import org.coproduced.commissioning.involvement.RequestStatus;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import static org.coproduced.commissioning.involvement.InvolvementVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.stereotype.Component;

/**
 * Records what each expert who took part is owed, in the form they chose and at the value the
 * decision table {@code recompense-rate} gives, with their approved expenses; and notes whose
 * payments now approach the benefits threshold.
 */
@Component
public class RecordRecompenseDelegate implements JavaDelegate {

  private final RecompenseRecorder recorder;
  private final RecompenseLedger ledger;
  private final BenefitsRules benefits;
  private final ContributionRepository contributions;
  private final InvolvementRequestRepository requests;

  public RecordRecompenseDelegate(RecompenseRecorder recorder, RecompenseLedger ledger, BenefitsRules benefits,
      ContributionRepository contributions, InvolvementRequestRepository requests) {
    this.recorder = recorder;
    this.ledger = ledger;
    this.benefits = benefits;
    this.contributions = contributions;
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long requestId = TaskForm.of(execution).id(REQUEST_ID);
    recorder.recordOwed(requestId);
    requests.markStatus(requestId, RequestStatus.COMPLETED);
    execution.setVariable(CONTRIBUTION_COUNT, contributions.countForRequest(requestId));
    List<String> due = ledger.entriesForRequest(requestId).stream()
        .filter(entry -> benefits.benefitsCheck(entry.expertId(), ProcessClock.today()).warn())
        .map(LedgerEntry::expertRef).distinct().sorted().toList();
    execution.setVariable(BENEFITS_CHECK_DUE, String.join(", ", due));
  }
}
