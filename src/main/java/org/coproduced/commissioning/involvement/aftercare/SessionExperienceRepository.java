package org.coproduced.commissioning.involvement.aftercare;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.coproduced.commissioning.records.CycleRecords;
import org.coproduced.commissioning.records.ExpertRecords;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * "How was it for you?": one row per expert who took part in a session (table
 * {@code cc_session_experience}). The answers are private to coordinators; auditors get counts
 * only ({@link #figuresPerCycle()}).
 */
@Repository
@Order(CycleRecords.REFERRING_TO_CYCLE)
public class SessionExperienceRepository implements CycleRecords, ExpertRecords {

  /** Where one person's questions stand. */
  public enum Status { ASKED, ANSWERED, NO_ANSWER }

  /** One person's row, for their link page and for coordinators. */
  public record Experience(long id, long invitationId, long expertId, long cycleId, Status status,
      SessionAnswers answers, String answeredHow) {}

  /**
   * Counts for the auditors, for one cycle or across cycles ({@code cycleId} null): how many
   * answered, and for each question how many said yes out of how many answered it.
   */
  public record Figures(Long cycleId, int answers, int listenedYes, int listenedAnswered, int preparedYes,
      int preparedAnswered, int fairlyPaidYes, int fairlyPaidAnswered, int againYes, int againAnswered) {}

  private static final String SELECT = """
      SELECT id, invitation_id, expert_id, cycle_id, status, listened_to, prepared, fairly_paid, take_part_again,
        what_to_change, wants_contact, answered_how FROM cc_session_experience""";
  private static final String COUNTS = """
      COUNT(*), SUM(CASE WHEN listened_to = 'yes' THEN 1 ELSE 0 END), COUNT(listened_to),
      SUM(CASE WHEN prepared = 'yes' THEN 1 ELSE 0 END), COUNT(prepared),
      SUM(CASE WHEN fairly_paid = 'yes' THEN 1 ELSE 0 END), COUNT(fairly_paid),
      SUM(CASE WHEN take_part_again = 'yes' THEN 1 ELSE 0 END), COUNT(take_part_again)
      FROM cc_session_experience WHERE status = 'ANSWERED'""";

  private final JdbcClient jdbc;

  public SessionExperienceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records that the person is asked; a second call for the same invitation adds nothing. */
  public boolean ask(long invitationId, long expertId, long cycleId) {
    return jdbc.sql("""
            INSERT INTO cc_session_experience (invitation_id, expert_id, cycle_id, status, created_at)
            SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM cc_session_experience WHERE invitation_id = ?)""")
        .params(invitationId, expertId, cycleId, Status.ASKED.name(), now(), invitationId).update() == 1;
  }

  public Optional<Experience> findById(long id) {
    return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(this::map).optional();
  }

  public Optional<Experience> findByInvitation(long invitationId) {
    return jdbc.sql(SELECT + " WHERE invitation_id = ?").param(invitationId).query(this::map).optional();
  }

  /** Saves the answers, once: returns false when they were given (or the time to answer ended) before. */
  public boolean answer(long invitationId, SessionAnswers a, String how) {
    return jdbc.sql("""
            UPDATE cc_session_experience SET status = ?, listened_to = ?, prepared = ?, fairly_paid = ?,
              take_part_again = ?, what_to_change = ?, wants_contact = ?, answered_how = ?, answered_at = ?
            WHERE invitation_id = ? AND status = ?""")
        .params(Status.ANSWERED.name(), a.listenedTo(), a.prepared(), a.fairlyPaid(), a.takePartAgain(),
            a.whatToChange(), a.wantsContact(), how, now(), invitationId, Status.ASKED.name())
        .update() == 1;
  }

  /** They did not answer, which is fine: nothing more is asked. */
  public void noAnswer(long invitationId) {
    jdbc.sql("UPDATE cc_session_experience SET status = ? WHERE invitation_id = ? AND status = ?")
        .params(Status.NO_ANSWER.name(), invitationId, Status.ASKED.name()).update();
  }

  /** The counts for each cycle with answers. */
  public List<Figures> figuresPerCycle() {
    return jdbc.sql("SELECT cycle_id, " + COUNTS + " GROUP BY cycle_id ORDER BY cycle_id")
        .query((rs, n) -> figures(rs, rs.getLong(1))).list();
  }

  /** The counts across every cycle. */
  public Figures figuresAcrossCycles() {
    return jdbc.sql("SELECT 0, " + COUNTS).query((rs, n) -> figures(rs, null)).single();
  }

  @Override
  public void eraseExpert(long expertId, Erasure erasure) {
    // Their answers say how they felt: they go, counts and all.
    jdbc.sql("DELETE FROM cc_session_experience WHERE expert_id = ?").param(expertId).update();
  }

  @Override
  public void deleteForCycle(long cycleId) {
    jdbc.sql("DELETE FROM cc_session_experience WHERE cycle_id = ?").param(cycleId).update();
  }

  private static Figures figures(ResultSet rs, Long cycleId) throws SQLException {
    return new Figures(cycleId, rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7),
        rs.getInt(8), rs.getInt(9), rs.getInt(10));
  }

  private Experience map(ResultSet rs, int row) throws SQLException {
    return new Experience(rs.getLong("id"), rs.getLong("invitation_id"), rs.getLong("expert_id"),
        rs.getLong("cycle_id"), Status.valueOf(rs.getString("status")),
        new SessionAnswers(rs.getString("listened_to"), rs.getString("prepared"), rs.getString("fairly_paid"),
            rs.getString("take_part_again"), rs.getString("what_to_change"), rs.getBoolean("wants_contact")),
        rs.getString("answered_how"));
  }

  private static Timestamp now() {
    return Timestamp.from(ProcessClock.now().toInstant());
  }
}
