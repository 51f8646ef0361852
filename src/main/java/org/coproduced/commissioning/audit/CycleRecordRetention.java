package org.coproduced.commissioning.audit;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
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
 */
@Component
public class CycleRecordRetention {

  private static final Logger LOG = LoggerFactory.getLogger(CycleRecordRetention.class);

  /** Children before parents, so the foreign keys of V1 are respected. */
  private static final List<String> DELETES = List.of(
      "DELETE FROM cc_bid_score WHERE bid_id IN (SELECT id FROM cc_bid WHERE cycle_id = :cycle)",
      "DELETE FROM cc_tender WHERE cycle_id = :cycle",
      "DELETE FROM cc_bid WHERE cycle_id = :cycle",
      "DELETE FROM cc_interest_declaration WHERE cycle_id = :cycle",
      "DELETE FROM cc_feedback WHERE cycle_id = :cycle",
      "DELETE FROM cc_contribution WHERE cycle_id = :cycle",
      "DELETE FROM cc_recompense WHERE request_id IN (SELECT id FROM cc_involvement_request WHERE cycle_id = :cycle)",
      "DELETE FROM cc_invitation WHERE request_id IN (SELECT id FROM cc_involvement_request WHERE cycle_id = :cycle)",
      "DELETE FROM cc_involvement_request WHERE cycle_id = :cycle",
      "DELETE FROM cc_specification_review WHERE cycle_id = :cycle",
      "DELETE FROM cc_mediation_meeting WHERE cycle_id = :cycle",
      "DELETE FROM cc_cycle WHERE id = :cycle");

  private final JdbcClient jdbc;
  private final HistoryService history;
  private final TransactionTemplate transaction;

  public CycleRecordRetention(JdbcClient jdbc, HistoryService history, TransactionTemplate transaction) {
    this.jdbc = jdbc;
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
    List<CycleRef> ended = jdbc.sql("""
            SELECT id, process_instance_id FROM cc_cycle
            WHERE status IN ('COMPLETED', 'CANCELLED') AND process_instance_id IS NOT NULL ORDER BY id""")
        .query((rs, n) -> new CycleRef(rs.getLong(1), rs.getString(2))).list();
    int removed = 0;
    for (CycleRef cycle : ended) {
      if (history.createHistoricProcessInstanceQuery().processInstanceId(cycle.processInstanceId()).count() > 0) {
        continue;
      }
      try {
        transaction.executeWithoutResult(status -> DELETES.forEach(sql ->
            jdbc.sql(sql).param("cycle", cycle.id()).update()));
        removed++;
      } catch (RuntimeException problem) {
        // One cycle that cannot be removed (a newer table still refers to it) must not stop the rest.
        LOG.warn("Could not remove the records of cycle {}: {}", cycle.id(), problem.getMessage());
      }
    }
    return removed;
  }

  private record CycleRef(long id, String processInstanceId) {}
}
