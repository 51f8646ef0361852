package org.coproduced.commissioning.feedback;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Feedback status per contributor and cycle: table {@code cc_feedback}. */
@Repository
public class FeedbackRepository {

  private final JdbcClient jdbc;

  public FeedbackRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds a WAITING row for every contributor of the cycle who has none yet. */
  public int addMissingContributors(long cycleId) {
    return jdbc.sql("""
            INSERT INTO cc_feedback (cycle_id, expert_id, status, created_at)
            SELECT DISTINCT c.cycle_id, c.expert_id, 'WAITING', CAST(? AS TIMESTAMP) FROM cc_contribution c
            WHERE c.cycle_id = ? AND NOT EXISTS
              (SELECT 1 FROM cc_feedback f WHERE f.cycle_id = c.cycle_id AND f.expert_id = c.expert_id)""")
        .params(now(), cycleId).update();
  }

  public void acknowledge(long cycleId, String expertRef, String reply) {
    int rows = jdbc.sql("""
            UPDATE cc_feedback SET status = 'ACKNOWLEDGED', reply = ?, completed_at = ?
            WHERE cycle_id = ? AND expert_id = (SELECT id FROM cc_expert WHERE ref = ?) AND status = 'WAITING'""")
        .params(reply, now(), cycleId, expertRef).update();
    requireOneOrAlreadyDone(rows, cycleId, expertRef);
  }

  public void attest(long cycleId, String expertRef, String method, LocalDate deliveredOn, String confirmedBy,
      String notes) {
    int rows = jdbc.sql("""
            UPDATE cc_feedback SET status = 'ATTESTED', delivery_method = ?, delivered_on = ?, confirmed_by = ?,
              notes = ?, completed_at = ?
            WHERE cycle_id = ? AND expert_id = (SELECT id FROM cc_expert WHERE ref = ?) AND status = 'WAITING'""")
        .params(method, deliveredOn, confirmedBy, notes, now(), cycleId, expertRef).update();
    requireOneOrAlreadyDone(rows, cycleId, expertRef);
  }

  /** Contributors of the cycle whose feedback is neither acknowledged nor attested. */
  public List<String> waitingRefs(long cycleId) {
    return jdbc.sql("""
            SELECT e.ref FROM cc_contribution c JOIN cc_expert e ON e.id = c.expert_id
            WHERE c.cycle_id = ? AND NOT EXISTS (SELECT 1 FROM cc_feedback f
              WHERE f.cycle_id = c.cycle_id AND f.expert_id = c.expert_id AND f.status IN ('ACKNOWLEDGED', 'ATTESTED'))
            GROUP BY e.ref ORDER BY e.ref""")
        .param(cycleId).query(String.class).list();
  }

  public FeedbackStatus statusOf(long cycleId, String expertRef) {
    return jdbc.sql("""
            SELECT f.status FROM cc_feedback f JOIN cc_expert e ON e.id = f.expert_id
            WHERE f.cycle_id = ? AND e.ref = ?""")
        .params(cycleId, expertRef).query(String.class).optional()
        .map(FeedbackStatus::valueOf).orElse(FeedbackStatus.WAITING);
  }

  private void requireOneOrAlreadyDone(int rows, long cycleId, String expertRef) {
    if (rows == 0 && statusOf(cycleId, expertRef) == FeedbackStatus.WAITING) {
      throw new IllegalStateException("No feedback is due to " + expertRef + " in cycle " + cycleId);
    }
  }

  private static Timestamp now() {
    return Timestamp.from(ProcessClock.now().toInstant());
  }

  /** One person's feedback row in a cycle, as the feedback message and its link page need it. */
  public record FeedbackRow(long id, long cycleId, long expertId, FeedbackStatus status) {}

  public Optional<FeedbackRow> findRow(long feedbackId) {
    return jdbc.sql("SELECT id, cycle_id, expert_id, status FROM cc_feedback WHERE id = ?")
        .param(feedbackId).query(this::mapRow).optional();
  }

  public Optional<FeedbackRow> findRow(long cycleId, long expertId) {
    return jdbc.sql("SELECT id, cycle_id, expert_id, status FROM cc_feedback WHERE cycle_id = ? AND expert_id = ?")
        .params(cycleId, expertId).query(this::mapRow).optional();
  }

  private FeedbackRow mapRow(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new FeedbackRow(rs.getLong("id"), rs.getLong("cycle_id"), rs.getLong("expert_id"),
        FeedbackStatus.valueOf(rs.getString("status")));
  }
}
