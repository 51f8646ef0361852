package org.coproduced.commissioning.involvement;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Invitations in table {@code cc_invitation}. */
@Repository
public class InvitationRepository {

  private static final String SELECT = """
      SELECT i.id, i.request_id, i.expert_id, e.ref, i.status, i.buddy
      FROM cc_invitation i JOIN cc_expert e ON e.id = i.expert_id""";

  private final JdbcClient jdbc;

  public InvitationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(long requestId, long expertId, String status, boolean buddy, Long replacesId) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO cc_invitation (request_id, expert_id, status, buddy, replaces_id, created_at)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(requestId, expertId, status, buddy, replacesId, now())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public Invitation get(long id) {
    return jdbc.sql(SELECT + " WHERE i.id = ?").param(id).query(this::map).optional()
        .orElseThrow(() -> new IllegalArgumentException("No invitation " + id));
  }

  public List<Invitation> findByRequest(long requestId) {
    return jdbc.sql(SELECT + " WHERE i.request_id = ? ORDER BY i.id").param(requestId).query(this::map).list();
  }

  public List<Long> idsByRequestAndStatus(long requestId, String status) {
    return jdbc.sql("SELECT id FROM cc_invitation WHERE request_id = ? AND status = ? ORDER BY id")
        .params(requestId, status).query(Long.class).list();
  }

  /** Experts already asked for this request, whatever they answered: never asked twice. */
  public List<Long> expertIdsAsked(long requestId) {
    return jdbc.sql("SELECT expert_id FROM cc_invitation WHERE request_id = ?").param(requestId).query(Long.class).list();
  }

  /**
   * Experts holding an accepted or pending invitation to another session on the same day: an
   * expert is never booked for two sessions at once.
   */
  public List<Long> expertIdsBookedOn(java.time.LocalDate day, long exceptRequestId) {
    return jdbc.sql("""
            SELECT i.expert_id FROM cc_invitation i JOIN cc_involvement_request r ON r.id = i.request_id
            WHERE r.session_date = ? AND r.id <> ? AND r.status <> 'COMPLETED' AND i.status IN ('PROPOSED', 'CONFIRMED', 'INVITED', 'ACCEPTED')""")
        .params(day, exceptRequestId).query(Long.class).list();
  }

  public void setStatus(long id, String status) {
    jdbc.sql("UPDATE cc_invitation SET status = ? WHERE id = ?").params(status, id).update();
  }

  public void setStatusForRequest(long requestId, String from, String to) {
    jdbc.sql("UPDATE cc_invitation SET status = ? WHERE request_id = ? AND status = ?").params(to, requestId, from).update();
  }

  public void markInvited(long id) {
    jdbc.sql("UPDATE cc_invitation SET status = 'INVITED', invited_at = ? WHERE id = ?").params(now(), id).update();
  }

  public void recordAnswer(long id, boolean accepted, String via, String accessNeeds) {
    jdbc.sql("""
            UPDATE cc_invitation SET status = ?, answered_via = ?, answered_at = ?, access_needs = ? WHERE id = ?""")
        .params(accepted ? Invitation.ACCEPTED : Invitation.DECLINED, via, now(), accessNeeds, id).update();
  }

  public void recordAttendance(long id, boolean attended, int hours, BigDecimal expenses, String expensesNote) {
    jdbc.sql("""
            UPDATE cc_invitation SET attended = ?, hours_given = ?, expenses_claimed = ?, expenses_note = ? WHERE id = ?""")
        .params(attended, hours, expenses, expensesNote, id).update();
  }

  public Optional<BigDecimal> expensesOf(long id) {
    return jdbc.sql("SELECT expenses_claimed FROM cc_invitation WHERE id = ?").param(id).query(BigDecimal.class).optional();
  }

  public List<AttendedInvitation> attended(long requestId) {
    return jdbc.sql("""
            SELECT id, expert_id, hours_given, COALESCE(expenses_claimed, 0) FROM cc_invitation
            WHERE request_id = ? AND attended = TRUE ORDER BY id""")
        .param(requestId)
        .query((rs, n) -> new AttendedInvitation(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getBigDecimal(4)))
        .list();
  }

  /** An invitation whose expert came to the session. */
  public record AttendedInvitation(long id, long expertId, int hours, BigDecimal expenses) {}

  private Invitation map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Invitation(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
        rs.getBoolean(6));
  }

  private static Timestamp now() {
    return Timestamp.from(ProcessClock.now().toInstant());
  }
}
