package org.coproduced.commissioning.involvement.written;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.coproduced.commissioning.records.CycleRecords;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where each offer to send thoughts instead of coming stands (table {@code cc_written_contribution}):
 * one row per declined invitation. Ids and states only; the words are a contribution like any other.
 * Every change is conditional on the state it leaves, so a second answer, a retry or the gate
 * closing at the same moment changes nothing twice.
 */
@Repository
@Order(CycleRecords.REFERRING_TO_CYCLE)
public class WrittenContributionRepository implements CycleRecords {

  /** Where one offer stands. */
  public enum Status { OFFERED, SENT, NOT_WANTED, CLOSED }

  /** One offer. */
  public record Offer(long id, long invitationId, long requestId, long expertId, long cycleId, Status status,
      String offeredBy, String receivedHow, Long contributionId) {}

  private static final String SELECT = """
      SELECT id, invitation_id, request_id, expert_id, cycle_id, status, offered_by, received_how, contribution_id
      FROM cc_written_contribution""";

  private final JdbcClient jdbc;

  public WrittenContributionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the offer; returns false when this invitation had one already. */
  public boolean offer(long invitationId, long requestId, long expertId, long cycleId, String offeredBy) {
    return jdbc.sql("""
            INSERT INTO cc_written_contribution (invitation_id, request_id, expert_id, cycle_id, status, offered_by,
              created_at)
            SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM cc_written_contribution WHERE invitation_id = ?)""")
        .params(invitationId, requestId, expertId, cycleId, Status.OFFERED.name(), offeredBy, now(), invitationId)
        .update() == 1;
  }

  public Optional<Offer> findById(long id) {
    return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(this::map).optional();
  }

  public Optional<Offer> findByInvitation(long invitationId) {
    return jdbc.sql(SELECT + " WHERE invitation_id = ?").param(invitationId).query(this::map).optional();
  }

  /** The offers of one gate still waiting for words. */
  public List<Offer> openForRequest(long requestId) {
    return jdbc.sql(SELECT + " WHERE request_id = ? AND status = ? ORDER BY id")
        .params(requestId, Status.OFFERED.name()).query(this::map).list();
  }

  /** One expert's offers still waiting for words. */
  public List<Offer> openForExpert(long expertId) {
    return jdbc.sql(SELECT + " WHERE expert_id = ? AND status = ? ORDER BY id")
        .params(expertId, Status.OFFERED.name()).query(this::map).list();
  }

  /**
   * Moves an open offer on; false when it was no longer open (answered, or the gate closed it
   * first). Takes the row's lock, so of two answers at the same moment only one counts.
   */
  public boolean end(long invitationId, Status to, String receivedHow) {
    return jdbc.sql("""
            UPDATE cc_written_contribution SET status = ?, received_how = ?, ended_at = ?
            WHERE invitation_id = ? AND status = ?""")
        .params(to.name(), receivedHow, now(), invitationId, Status.OFFERED.name()).update() == 1;
  }

  public void linkContribution(long invitationId, long contributionId) {
    jdbc.sql("UPDATE cc_written_contribution SET contribution_id = ? WHERE invitation_id = ?")
        .params(contributionId, invitationId).update();
  }

  @Override
  public void deleteForCycle(long cycleId) {
    jdbc.sql("DELETE FROM cc_written_contribution WHERE cycle_id = ?").param(cycleId).update();
  }

  private Offer map(ResultSet rs, int row) throws SQLException {
    return new Offer(rs.getLong("id"), rs.getLong("invitation_id"), rs.getLong("request_id"), rs.getLong("expert_id"),
        rs.getLong("cycle_id"), Status.valueOf(rs.getString("status")), rs.getString("offered_by"),
        rs.getString("received_how"), rs.getObject("contribution_id", Long.class));
  }

  private static Timestamp now() {
    return Timestamp.from(ProcessClock.now().toInstant());
  }
}
