package org.coproduced.commissioning.involvement.aftercare;

import java.sql.Timestamp;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.coproduced.commissioning.records.CycleRecords;
import org.coproduced.commissioning.records.ExpertRecords;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Coordinators' check-ins with experts after sessions where they may have talked about their own
 * experiences (table {@code cc_check_in}). The notes stay here, private to coordinators.
 */
@Repository
@Order(CycleRecords.REFERRING_TO_CYCLE)
public class CheckInRepository implements CycleRecords, ExpertRecords {

  /** One check-in as a coordinator's page shows it. */
  public record CheckIn(long invitationId, CheckInStatus status, String notes, String closedBy) {}

  private final JdbcClient jdbc;

  public CheckInRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Opens the check-in for one invitation; a second call for the same invitation adds nothing. */
  public boolean open(long invitationId, long expertId, long cycleId) {
    return jdbc.sql("""
            INSERT INTO cc_check_in (invitation_id, expert_id, cycle_id, status, created_at)
            SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM cc_check_in WHERE invitation_id = ?)""")
        .params(invitationId, expertId, cycleId, CheckInStatus.OPEN.name(), now(), invitationId).update() == 1;
  }

  /** Records how the check-in went, once. */
  public void close(long invitationId, CheckInStatus outcome, String notes, String by) {
    jdbc.sql("""
            UPDATE cc_check_in SET status = ?, notes = ?, closed_by = ?, closed_at = ?
            WHERE invitation_id = ? AND status = ?""")
        .params(outcome.name(), notes, by, now(), invitationId, CheckInStatus.OPEN.name()).update();
  }

  public Optional<CheckIn> find(long invitationId) {
    return jdbc.sql("SELECT invitation_id, status, notes, closed_by FROM cc_check_in WHERE invitation_id = ?")
        .param(invitationId)
        .query((rs, n) -> new CheckIn(rs.getLong(1), CheckInStatus.valueOf(rs.getString(2)), rs.getString(3),
            rs.getString(4)))
        .optional();
  }

  /** Experts with a check-in still to do: matching holds their next invitation back until it is done. */
  public Set<Long> expertsAwaitingCheckIn() {
    return new HashSet<>(jdbc.sql("SELECT DISTINCT expert_id FROM cc_check_in WHERE status = ?")
        .param(CheckInStatus.OPEN.name()).query(Long.class).list());
  }

  @Override
  public void eraseExpert(long expertId, Erasure erasure) {
    jdbc.sql("UPDATE cc_check_in SET notes = NULL WHERE expert_id = ?").param(expertId).update();
  }

  @Override
  public void deleteForCycle(long cycleId) {
    jdbc.sql("DELETE FROM cc_check_in WHERE cycle_id = ?").param(cycleId).update();
  }

  private static Timestamp now() {
    return Timestamp.from(ProcessClock.now().toInstant());
  }
}
