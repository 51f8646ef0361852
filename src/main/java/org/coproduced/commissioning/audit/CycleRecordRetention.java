package org.coproduced.commissioning.audit;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.cycle.CycleRepository.CycleSummary;
import org.coproduced.commissioning.records.CycleRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the application's records of a cycle no longer than the engine keeps its history. The
 * engine's history cleanup removes a finished cycle's history once its time to live has passed
 * (five years after it ended, set in each model); this then deletes the cycle's own rows:
 * involvement requests, invitations, contributions and their answers, feedback, recompense
 * entries, reviews, the tender, bids and scores. The experts stay in the pool: how long their
 * details are kept follows their consent, not the cycles they joined.
 *
 * <p>Each feature deletes its own rows ({@link CycleRecords}); Spring hands them over sorted by
 * their {@code @Order}, the cycle's own row last, so the schema's foreign keys are respected.
 */
@Component
public class CycleRecordRetention {

  private static final Logger LOG = LoggerFactory.getLogger(CycleRecordRetention.class);

  private final CycleRepository cycles;
  private final List<CycleRecords> records;
  private final HistoryService history;
  private final TransactionTemplate transaction;

  public CycleRecordRetention(CycleRepository cycles, List<CycleRecords> records, HistoryService history,
      TransactionTemplate transaction) {
    this.cycles = cycles;
    this.records = records;
    this.history = history;
    this.transaction = transaction;
  }

  /** Runs after the engine's history cleanup window; several nodes may run it, it is idempotent. */
  @Scheduled(cron = "${coproduction.retention.cleanup-cron}")
  public void scheduledCleanup() {
    int removed = removeCyclesWithoutHistory();
    if (removed > 0) {
      LOG.info("Removed the records of {} cycles whose history had passed its time to live", removed);
    }
  }

  /** Deletes the records of every ended cycle whose engine history is gone; returns how many. */
  public int removeCyclesWithoutHistory() {
    int removed = 0;
    for (CycleSummary cycle : cycles.endedWithProcess()) {
      if (history.createHistoricProcessInstanceQuery().processInstanceId(cycle.processInstanceId()).count() > 0) {
        continue;
      }
      try {
        // One transaction per cycle: all of its rows go, or none do.
        transaction.executeWithoutResult(status -> records.forEach(owner -> owner.deleteForCycle(cycle.id())));
        removed++;
      } catch (RuntimeException problem) {
        // One cycle that cannot be removed (a newer table still refers to it) must not stop the rest.
        LOG.warn("Could not remove the records of cycle {}: {}", cycle.id(), problem.getMessage());
      }
    }
    return removed;
  }
}
