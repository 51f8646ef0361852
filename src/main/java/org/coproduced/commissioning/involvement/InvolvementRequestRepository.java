package org.coproduced.commissioning.involvement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Optional;
import java.util.stream.Collectors;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Involvement requests in table {@code cc_involvement_request}. */
@Repository
public class InvolvementRequestRepository {

  private final JdbcClient jdbc;

  public InvolvementRequestRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Saves a new request, or the commissioner's revision of one sent back; returns its id. */
  public long save(Long existingId, long cycleId, String stage, RequestDetails d, int noticeWorkingDays,
      String processInstanceId) {
    if (existingId != null) {
      jdbc.sql("""
              UPDATE cc_involvement_request SET what_is_asked = ?, why_asked = ?, involvement_kind = ?, session_date = ?,
                session_time = ?, duration_hours = ?, session_format = ?, venue_and_access = ?, places = ?,
                lived_experience = ?, who_will_attend = ?, notice_working_days = ?, status = 'SUBMITTED'
              WHERE id = ?""")
          .params(d.whatIsAsked(), d.whyAsked(), d.involvementKind(), d.sessionDate(), d.sessionTime(),
              d.durationHours(), d.sessionFormat(), d.venueAndAccess(), d.places(),
              String.join(",", d.livedExperience()), d.whoWillAttend(), noticeWorkingDays, existingId)
          .update();
      return existingId;
    }
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO cc_involvement_request (cycle_id, stage, what_is_asked, why_asked, involvement_kind, session_date,
              session_time, duration_hours, session_format, venue_and_access, places, lived_experience, who_will_attend,
              status, notice_working_days, process_instance_id, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?, ?)""")
        .params(cycleId, stage, d.whatIsAsked(), d.whyAsked(), d.involvementKind(), d.sessionDate(), d.sessionTime(),
            d.durationHours(), d.sessionFormat(), d.venueAndAccess(), d.places(),
            String.join(",", d.livedExperience()), d.whoWillAttend(), noticeWorkingDays, processInstanceId,
            Timestamp.from(ProcessClock.now().toInstant()))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /**
   * Records whether people at the session may be asked to talk about their own experiences: the
   * invitation then says so, and a coordinator checks in with each of them afterwards.
   */
  public void recordOwnExperience(long id, boolean ownExperience) {
    jdbc.sql("UPDATE cc_involvement_request SET own_experience = ? WHERE id = ?").params(ownExperience, id).update();
  }

  /** Whether people at the session may be asked to talk about their own experiences. */
  public boolean asksAboutOwnExperience(long id) {
    return jdbc.sql("SELECT own_experience FROM cc_involvement_request WHERE id = ?").param(id)
        .query(Boolean.class).optional().orElse(false);
  }

  public Optional<InvolvementRequest> findById(long id) {
    return jdbc.sql("SELECT * FROM cc_involvement_request WHERE id = ?").param(id).query(this::map).optional();
  }

  public InvolvementRequest get(long id) {
    return findById(id).orElseThrow(() -> new IllegalArgumentException("No involvement request " + id));
  }

  public void recordReview(long id, RequestStatus status, String feedback, String noticeExceptionReason) {
    jdbc.sql("""
            UPDATE cc_involvement_request SET status = ?, reviewer_feedback = ?, notice_exception_reason = ?
            WHERE id = ?""")
        .params(status.name(), feedback, noticeExceptionReason, id).update();
  }

  public void recordRepresentationGaps(long id, String gaps) {
    jdbc.sql("UPDATE cc_involvement_request SET representation_gaps = ? WHERE id = ?").params(gaps, id).update();
  }

  /** The coordinator changed the proposal, and why. */
  public void recordOverride(long id, String reason, String by) {
    jdbc.sql("UPDATE cc_involvement_request SET override_reason = ?, overridden_by = ? WHERE id = ?")
        .params(reason, by, id).update();
  }

  public void recordConfirmationNotes(long id, String notes) {
    jdbc.sql("UPDATE cc_involvement_request SET confirmation_notes = ? WHERE id = ?").params(notes, id).update();
  }

  /** What the coordinator noted on confirming who to invite, if anything. */
  public java.util.Optional<String> confirmationNotes(long id) {
    return jdbc.sql("SELECT confirmation_notes FROM cc_involvement_request WHERE id = ?").param(id)
        .query(String.class).optional();
  }

  /** A coordinator closed the request because nobody could take part, and said why. */
  public void recordNobodyCouldTakePart(long id, String reason, String by) {
    jdbc.sql("""
            UPDATE cc_involvement_request SET status = ?, nobody_reason = ?, nobody_recorded_by = ?,
              nobody_recorded_at = ? WHERE id = ?""")
        .params(RequestStatus.NOBODY_AVAILABLE.name(), reason, by, Timestamp.from(ProcessClock.now().toInstant()), id)
        .update();
  }

  /**
   * Marks the session called off, with the reason people will be told, unless it was held or
   * called off already. Returns whether this call did it, so a second call tells nobody again.
   */
  public boolean recordCalledOff(long id, String reason) {
    return jdbc.sql("""
            UPDATE cc_involvement_request SET status = ?, called_off_reason = ?, called_off_at = ?
            WHERE id = ? AND status NOT IN (?, ?, ?)""")
        .params(RequestStatus.CALLED_OFF.name(), reason, Timestamp.from(ProcessClock.now().toInstant()), id,
            RequestStatus.COMPLETED.name(), RequestStatus.CALLED_OFF.name(), RequestStatus.NOBODY_AVAILABLE.name())
        .update() == 1;
  }

  /** Why the session was called off, if it was and a reason was given. */
  public Optional<String> calledOffReason(long id) {
    return jdbc.sql("SELECT called_off_reason FROM cc_involvement_request WHERE id = ?").param(id)
        .query(String.class).optional();
  }

  /**
   * A coordinator moved the session: the new date, time, format and place, the notice they give
   * (and why shorter notice is acceptable, if it is short), the old date and time kept so people can
   * be told what changed, and the change counted. Only while experts are being invited or the
   * session awaited; returns whether this call did it.
   */
  public boolean recordSessionMoved(long id, SessionMove move, int noticeWorkingDays, String by) {
    return jdbc.sql("""
            UPDATE cc_involvement_request SET previous_session_date = session_date, previous_session_time = session_time,
              session_date = ?, session_time = ?, session_format = ?, venue_and_access = ?, notice_working_days = ?,
              notice_exception_reason = ?, session_changes = session_changes + 1, session_change_reason = ?,
              session_changed_at = ?, session_changed_by = ?
            WHERE id = ? AND status = ?""")
        .params(move.date(), move.time(), move.format(), move.venueAndAccess(), noticeWorkingDays,
            move.shortNoticeReason(), move.reason(), Timestamp.from(ProcessClock.now().toInstant()), by, id,
            RequestStatus.ACCEPTED.name())
        .update() == 1;
  }

  /**
   * A coordinator cancelled the session: the request goes back to its commissioner for a new date,
   * with the reason as the coordinator's feedback; the reason is also what everyone invited hears.
   * Returns whether this call did it, so a second call tells nobody again.
   */
  public boolean recordSessionCancelled(long id, String reason, String feedback, String by) {
    Timestamp now = Timestamp.from(ProcessClock.now().toInstant());
    return jdbc.sql("""
            UPDATE cc_involvement_request SET status = ?, reviewer_feedback = ?, called_off_reason = ?, called_off_at = ?,
              previous_session_date = session_date, previous_session_time = session_time,
              session_changes = session_changes + 1, session_change_reason = ?, session_changed_at = ?,
              session_changed_by = ?
            WHERE id = ? AND status = ?""")
        .params(RequestStatus.SENT_BACK.name(), feedback, reason, now, reason, now, by, id, RequestStatus.ACCEPTED.name())
        .update() == 1;
  }

  /** How often the session was moved or cancelled: part of every message key about it. */
  public int sessionChanges(long id) {
    return jdbc.sql("SELECT session_changes FROM cc_involvement_request WHERE id = ?").param(id)
        .query(Integer.class).optional().orElse(0);
  }

  /** The last change to the session, if it was moved or cancelled. */
  public Optional<SessionChangeNote> lastSessionChange(long id) {
    return jdbc.sql("""
            SELECT session_changes, previous_session_date, previous_session_time, session_change_reason
            FROM cc_involvement_request WHERE id = ? AND session_changes > 0""")
        .param(id)
        .query((rs, n) -> new SessionChangeNote(rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getString(3),
            rs.getString(4)))
        .optional();
  }

  /** The last change to a session: which change it was, the date and time before it, and why. */
  public record SessionChangeNote(int number, LocalDate previousDate, String previousTime, String reason) {}

  public void markStatus(long id, RequestStatus status) {
    jdbc.sql("UPDATE cc_involvement_request SET status = ? WHERE id = ?").params(status.name(), id).update();
  }

  /** Every request of these cycles (the gates each cycle held or is holding), oldest first. */
  public List<RequestSummary> summariesOfCycles(Collection<Long> cycleIds) {
    if (cycleIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
            SELECT id, cycle_id, stage, involvement_kind, status, session_date, notice_working_days,
              notice_exception_reason, places, process_instance_id, created_at, nobody_reason
            FROM cc_involvement_request WHERE cycle_id IN (:cycles) ORDER BY id""")
        .param("cycles", cycleIds)
        .query((rs, n) -> new RequestSummary(rs.getLong("id"), rs.getLong("cycle_id"), rs.getString("stage"),
            rs.getString("involvement_kind"), rs.getString("status"), rs.getObject("session_date", LocalDate.class),
            rs.getInt("notice_working_days"), rs.getString("notice_exception_reason"), rs.getInt("places"),
            rs.getString("process_instance_id"), createdAt(rs), rs.getString("nobody_reason")))
        .list();
  }

  /**
   * The gates passed in every cycle, counted by whether they gave at least {@code minimumNotice}
   * working days' notice ({@code true}) or not: one query however many cycles there are.
   */
  public Map<Boolean, Integer> passedByNoticeMet(int minimumNotice) {
    Map<Boolean, Integer> counts = new HashMap<>();
    jdbc.sql("""
            SELECT met, COUNT(*) FROM (
              SELECT CASE WHEN notice_working_days >= :minimum THEN 1 ELSE 0 END AS met
              FROM cc_involvement_request WHERE status = :passed) passed
            GROUP BY met""")
        .param("minimum", minimumNotice).param("passed", RequestStatus.COMPLETED.name())
        .query(rs -> {
          counts.put(rs.getInt(1) == 1, rs.getInt(2));
        });
    return counts;
  }

  /**
   * The working days' notice of every gate not passed (open, or closed when nobody could take
   * part), by request id: few beside the passed ones, which {@link #passedByNoticeMet} counts.
   */
  public Map<Long, Integer> noticeOfGatesNotPassed() {
    Map<Long, Integer> notice = new HashMap<>();
    jdbc.sql("SELECT id, notice_working_days FROM cc_involvement_request WHERE status <> ?")
        .param(RequestStatus.COMPLETED.name())
        .query(rs -> {
          notice.put(rs.getLong(1), rs.getInt(2));
        });
    return notice;
  }

  public List<Long> idsOfCycle(long cycleId) {
    return jdbc.sql("SELECT id FROM cc_involvement_request WHERE cycle_id = ? ORDER BY id").param(cycleId)
        .query(Long.class).list();
  }

  /** Requests whose session is (or was) held from {@code from} to {@code to}, both included. */
  public List<Long> idsWithSessionBetween(LocalDate from, LocalDate to) {
    return jdbc.sql("SELECT id FROM cc_involvement_request WHERE session_date BETWEEN ? AND ? ORDER BY id")
        .params(from, to).query(Long.class).list();
  }

  /** A request's session as matching weighs it: when, how long, and whether it is over. */
  public record SessionSlot(long requestId, LocalDate date, String time, int durationHours, boolean completed) {}

  /** The sessions held (or to be held) from {@code from} to {@code to}, both included, but one request's. */
  public Map<Long, SessionSlot> sessionsBetween(LocalDate from, LocalDate to, long exceptRequestId) {
    Map<Long, SessionSlot> slots = new HashMap<>();
    jdbc.sql("""
            SELECT id, session_date, session_time, duration_hours, status FROM cc_involvement_request
            WHERE id <> ? AND session_date BETWEEN ? AND ?""")
        .params(exceptRequestId, from, to)
        .query(rs -> {
          slots.put(rs.getLong(1), new SessionSlot(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
              rs.getInt(4), RequestStatus.COMPLETED.name().equals(rs.getString(5))));
        });
    return slots;
  }

  /** The process that runs the request's gate, as Cockpit shows it. */
  public Optional<String> processInstanceIdOf(long requestId) {
    return jdbc.sql("SELECT process_instance_id FROM cc_involvement_request WHERE id = ?").param(requestId)
        .query(String.class).optional();
  }

  /** Deletes the cycle's requests: their invitations, contributions and recompense must be gone first. */
  public void deleteForCycle(long cycleId) {
    jdbc.sql("DELETE FROM cc_involvement_request WHERE cycle_id = ?").param(cycleId).update();
  }

  /**
   * A request as auditors see it: the gate, its session and the notice given, none of what was
   * asked; and, if a coordinator closed it, why nobody could take part (staff's words).
   */
  public record RequestSummary(long id, long cycleId, String stage, String involvementKind, String status,
      LocalDate sessionDate, int noticeWorkingDays, String noticeExceptionReason, int places,
      String processInstanceId, Instant createdAt, String nobodyCouldTakePartReason) {}

  private static Instant createdAt(ResultSet rs) throws SQLException {
    Timestamp timestamp = rs.getTimestamp("created_at");
    return timestamp == null ? null : timestamp.toInstant();
  }

  private InvolvementRequest map(ResultSet rs, int row) throws SQLException {
    return new InvolvementRequest(rs.getLong("id"), rs.getLong("cycle_id"), rs.getString("stage"),
        rs.getString("what_is_asked"), rs.getString("why_asked"), rs.getString("involvement_kind"),
        rs.getObject("session_date", LocalDate.class), rs.getString("session_time"), rs.getInt("duration_hours"),
        rs.getString("session_format"), rs.getString("venue_and_access"), rs.getInt("places"),
        Arrays.stream(rs.getString("lived_experience").split(",")).filter(s -> !s.isBlank())
            .collect(Collectors.toCollection(LinkedHashSet::new)),
        rs.getString("who_will_attend"), rs.getString("status"), rs.getInt("notice_working_days"),
        rs.getString("representation_gaps"));
  }
}
