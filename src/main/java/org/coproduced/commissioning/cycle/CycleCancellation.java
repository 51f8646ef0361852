package org.coproduced.commissioning.cycle;

import org.camunda.bpm.engine.RuntimeService;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stops a cycle early. It still ends through feedback: everyone who contributed hears why it
 * stopped and what became of what they said.
 */
@Service
public class CycleCancellation {

  static final int MINIMUM_REASON_LENGTH = 20;

  private final CycleRepository cycles;
  private final RuntimeService runtime;

  public CycleCancellation(CycleRepository cycles, RuntimeService runtime) {
    this.cycles = cycles;
    this.runtime = runtime;
  }

  /** Records the reason and cancels the running cycle, in one transaction. */
  @Transactional
  public void cancel(long cycleId, String reason) {
    Cycle cycle = cycles.findById(cycleId)
        .orElseThrow(() -> new FormInputException("We could not find that commissioning cycle."));
    if (CycleStatus.of(cycle.status()) != CycleStatus.ACTIVE) {
      throw new FormInputException("This cycle is not running any more, so it cannot be cancelled.");
    }
    String trimmed = reason == null ? "" : reason.trim();
    if (trimmed.length() < MINIMUM_REASON_LENGTH) {
      throw new FormInputException("Please explain why the cycle is stopping (at least " + MINIMUM_REASON_LENGTH
          + " characters). Everyone who took part will be told.");
    }
    if (trimmed.length() > TaskForm.LONG_TEXT) {
      throw new FormInputException("Please keep the reason under " + TaskForm.LONG_TEXT + " characters.");
    }
    cycles.recordCancellation(cycleId, trimmed);
    runtime.createMessageCorrelation(CycleVariables.CANCEL_MESSAGE)
        .processInstanceBusinessKey(String.valueOf(cycleId))
        .correlate();
  }
}
