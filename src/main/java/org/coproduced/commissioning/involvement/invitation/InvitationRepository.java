package org.coproduced.commissioning.involvement.invitation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.ArrayList;
import java.util.Map;
import org.coproduced.commissioning.records.ExpertRecords;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Invitations in table {@code cc_invitation}. */
@Repository
public class InvitationRepository implements ExpertRecords {

  private static final String SELECT = "SELECT id, request_id, expert_id, status, buddy FROM cc_invitation";

  private final JdbcClient jdbc;
  private final ExpertRepository experts;

  public InvitationRepository(JdbcClient jdbc, ExpertRepository experts) {
    this.jdbc = jdbc;
    this.experts = experts;
  }

  /**
   * Adds an expert to this request's session. Someone whose invitation was called off when the session
   * was cancelled comes back on the same invitation, opened again for the new date: its messages are
   * keyed by the session's change number, so nothing about the old date is sent again or mistaken
   * for news of the new one.
   */
  public long insert(long requestId, long expertId, InvitationStatus status, boolean buddy, Long replacesId) {
    Optional<Long> calledOff = jdbc.sql("SELECT id FROM cc_invitation WHERE request_id = ? AND expert_id = ? AND status = ?")
        .params(requestId, expertId, InvitationStatus.CALLED_OFF.name()).query(Long.class).optional();
    if (calledOff.isPresent()) {
      reopen(calledOff.get(), status, buddy, replacesId);
      return calledOff.get();
    }
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO cc_invitation (request_id, expert_id, status, buddy, replaces_id, created_at)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(requestId, expertId, status.name(), buddy, replacesId, now())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public Invitation get(long id) {
    Row row = jdbc.sql(SELECT + " WHERE id = ?").param(id).query(InvitationRepository::row).optional()
        .orElseThrow(() -> new IllegalArgumentException("No invitation " + id));
    return withRefs(List.of(row)).get(0);
  }

  public List<Invitation> findByRequest(long requestId) {
    return withRefs(jdbc.sql(SELECT + " WHERE request_id = ? ORDER BY id").param(requestId)
        .query(InvitationRepository::row).list());
  }

  public List<Long> idsByRequestAndStatus(long requestId, InvitationStatus status) {
    return jdbc.sql("SELECT id FROM cc_invitation WHERE request_id = ? AND status = ? ORDER BY id")
        .params(requestId, status.name()).query(Long.class).list();
  }

  /**
   * Experts not to propose again for this request: everyone asked, whatever they answered, except
   * those whose invitation was called off when its session was cancelled; they may come on the new date.
   */
  public List<Long> expertIdsNotToAskAgain(long requestId) {
    return jdbc.sql("SELECT expert_id FROM cc_invitation WHERE request_id = ? AND status <> ?")
        .params(requestId, InvitationStatus.CALLED_OFF.name()).query(Long.class).list();
  }

  /** An invitation called off with its cancelled session, opened again for the session's new date. */
  private void reopen(long id, InvitationStatus status, boolean buddy, Long replacesId) {
    jdbc.sql("""
            UPDATE cc_invitation SET status = ?, buddy = ?, replaces_id = ?, invited_at = NULL, answered_at = NULL,
              answered_via = NULL, follow_up_notes = NULL, added_by_coordinator = FALSE
            WHERE id = ? AND status = ?""")
        .params(status.name(), buddy, replacesId, id, InvitationStatus.CALLED_OFF.name()).update();
  }

  /** Experts already asked for this request, whatever they answered: never asked twice. */
  public List<Long> expertIdsAsked(long requestId) {
    return jdbc.sql("SELECT expert_id FROM cc_invitation WHERE request_id = ?").param(requestId).query(Long.class).list();
  }

  public void setStatus(long id, InvitationStatus status) {
    jdbc.sql("UPDATE cc_invitation SET status = ? WHERE id = ?").params(status.name(), id).update();
  }

  public void setStatusForRequest(long requestId, InvitationStatus from, InvitationStatus to) {
    jdbc.sql("UPDATE cc_invitation SET status = ? WHERE request_id = ? AND status = ?")
        .params(to.name(), requestId, from.name()).update();
  }

  public void markInvited(long id) {
    jdbc.sql("UPDATE cc_invitation SET status = ?, invited_at = ? WHERE id = ?")
        .params(InvitationStatus.INVITED.name(), now(), id).update();
  }

  public void recordAnswer(long id, boolean accepted, String via, String accessNeeds) {
    jdbc.sql("""
            UPDATE cc_invitation SET status = ?, answered_via = ?, answered_at = ?, access_needs = ?, had_access_needs = ?
            WHERE id = ?""")
        .params((accepted ? InvitationStatus.ACCEPTED : InvitationStatus.DECLINED).name(), via, now(), accessNeeds,
            accessNeeds != null, id)
        .update();
  }

  /** What the expert said they need to take part, if they said anything. */
  public Optional<String> accessNeeds(long id) {
    return jdbc.sql("SELECT access_needs FROM cc_invitation WHERE id = ?").param(id).query(String.class).optional()
        .filter(needs -> !needs.isBlank());
  }

  public void recordFollowUpNotes(long id, String notes) {
    jdbc.sql("UPDATE cc_invitation SET follow_up_notes = ? WHERE id = ?").params(notes, id).update();
  }

  /** What coordinators noted when following up the invitations of a request, by invitation id. */
  public java.util.Map<Long, String> followUpNotesByRequest(long requestId) {
    java.util.Map<Long, String> notes = new java.util.HashMap<>();
    jdbc.sql("SELECT id, follow_up_notes FROM cc_invitation WHERE request_id = ? AND follow_up_notes IS NOT NULL")
        .param(requestId).query(rs -> {
          notes.put(rs.getLong(1), rs.getString(2));
        });
    return notes;
  }

  /** Whether the expert of this invitation took part in the session, as the coordinator recorded. */
  public boolean attended(long id) {
    return jdbc.sql("SELECT COUNT(*) FROM cc_invitation WHERE id = ? AND attended = TRUE").param(id)
        .query(Long.class).single() > 0;
  }

  /** Whether the expert came, the hours they gave at the session and preparing, and approved expenses. */
  public void recordAttendance(long id, boolean attended, int hours, int preparationHours, Expenses expenses,
      String expensesNote, String approvedBy) {
    jdbc.sql("""
            UPDATE cc_invitation SET attended = ?, hours_given = ?, preparation_hours = ?, expenses_travel = ?,
              expenses_childcare = ?, expenses_subsistence = ?, expenses_claimed = ?, expenses_note = ?,
              expenses_approved_by = ? WHERE id = ?""")
        .params(attended, hours, preparationHours, expenses.travel(), expenses.childcare(), expenses.subsistence(),
            expenses.total(), expensesNote, expenses.total().signum() > 0 ? approvedBy : null, id)
        .update();
  }

  /** Invitations to recompense: the expert came, or approved expenses are to be repaid. */
  public List<Recompensable> recompensable(long requestId) {
    return jdbc.sql("""
            SELECT id, expert_id, attended, COALESCE(hours_given, 0), COALESCE(preparation_hours, 0),
              COALESCE(expenses_travel, 0), COALESCE(expenses_childcare, 0), COALESCE(expenses_subsistence, 0),
              COALESCE(expenses_claimed, 0), expenses_approved_by
            FROM cc_invitation WHERE request_id = ? AND (attended = TRUE OR COALESCE(expenses_claimed, 0) > 0)
            ORDER BY id""")
        .param(requestId)
        .query((rs, n) -> new Recompensable(rs.getLong(1), rs.getLong(2), rs.getBoolean(3), rs.getInt(4), rs.getInt(5),
            rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getString(10)))
        .list();
  }

  /**
   * The session will not happen: every invitation still booked (proposed, confirmed, invited or
   * accepted, and not marked at a session) is called off. Returns those the expert had heard
   * about (invited or accepted), who must now be told; the others never knew.
   */
  public List<Invitation> callOff(long requestId) {
    // Someone already recorded at the session (a request with peer research too goes on after it) was not booked.
    List<Long> notHeld = jdbc.sql("SELECT id FROM cc_invitation WHERE request_id = ? AND attended IS NULL")
        .param(requestId).query(Long.class).list();
    List<Invitation> told = findByRequest(requestId).stream()
        .filter(i -> i.status() == InvitationStatus.INVITED || i.status() == InvitationStatus.ACCEPTED)
        .filter(i -> notHeld.contains(i.id()))
        .toList();
    jdbc.sql("""
            UPDATE cc_invitation SET status = :calledOff
            WHERE request_id = :request AND attended IS NULL AND status IN (:booked)""")
        .param("calledOff", InvitationStatus.CALLED_OFF.name()).param("request", requestId)
        .param("booked", List.of(InvitationStatus.PROPOSED.name(), InvitationStatus.CONFIRMED.name(),
            InvitationStatus.INVITED.name(), InvitationStatus.ACCEPTED.name()))
        .update();
    return told;
  }

  /**
   * The session moved: everyone invited or who had said yes is asked again, so their invitations
   * are confirmed again, ready to go out with the new date. Returns them, as they stood before.
   */
  public List<Invitation> askAgain(long requestId) {
    List<Invitation> asked = findByRequest(requestId).stream()
        .filter(i -> i.status() == InvitationStatus.INVITED || i.status() == InvitationStatus.ACCEPTED)
        .toList();
    jdbc.sql("""
            UPDATE cc_invitation SET status = :confirmed
            WHERE request_id = :request AND attended IS NULL AND status IN (:asked)""")
        .param("confirmed", InvitationStatus.CONFIRMED.name()).param("request", requestId)
        .param("asked", List.of(InvitationStatus.INVITED.name(), InvitationStatus.ACCEPTED.name()))
        .update();
    return asked;
  }

  /** A coordinator took an expert off a proposal before anyone was invited. */
  public void remove(long requestId, long expertId) {
    jdbc.sql("UPDATE cc_invitation SET status = ? WHERE request_id = ? AND expert_id = ? AND status = ?")
        .params(InvitationStatus.REMOVED.name(), requestId, expertId, InvitationStatus.PROPOSED.name()).update();
  }

  /**
   * A coordinator added an expert to a proposal: confirmed straight away. Someone they took off
   * earlier for the same session, or whose invitation was called off with a cancelled session, comes
   * back on the same invitation.
   */
  public void addByCoordinator(long requestId, long expertId) {
    int updated = jdbc.sql("""
            UPDATE cc_invitation SET status = ?, added_by_coordinator = TRUE, invited_at = NULL, answered_at = NULL,
              answered_via = NULL
            WHERE request_id = ? AND expert_id = ? AND status IN (?, ?, ?)""")
        .params(InvitationStatus.CONFIRMED.name(), requestId, expertId, InvitationStatus.REMOVED.name(),
            InvitationStatus.WITHDRAWN.name(), InvitationStatus.CALLED_OFF.name()).update();
    if (updated == 0) {
      jdbc.sql("""
              INSERT INTO cc_invitation (request_id, expert_id, status, buddy, added_by_coordinator, created_at)
              VALUES (?, ?, ?, FALSE, TRUE, ?)""")
          .params(requestId, expertId, InvitationStatus.CONFIRMED.name(), now()).update();
    }
  }

  /** Who was invited to, accepted and came to each of these requests' sessions, by request id. */
  public Map<Long, Attendance> attendanceByRequest(Collection<Long> requestIds) {
    Map<Long, Attendance> attendance = new HashMap<>();
    if (requestIds.isEmpty()) {
      return attendance;
    }
    jdbc.sql("""
            SELECT request_id,
              SUM(CASE WHEN invited_at IS NOT NULL THEN 1 ELSE 0 END),
              SUM(CASE WHEN status = 'ACCEPTED' THEN 1 ELSE 0 END),
              SUM(CASE WHEN attended = TRUE THEN 1 ELSE 0 END),
              COALESCE(SUM(CASE WHEN attended = TRUE THEN hours_given END), 0)
            FROM cc_invitation WHERE request_id IN (:requests) GROUP BY request_id""")
        .param("requests", requestIds)
        .query(rs -> {
          attendance.put(rs.getLong(1), new Attendance(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)));
        });
    return attendance;
  }

  /** The sessions each expert came to and the hours they gave at them (not preparing), by expert id. */
  public Map<Long, SessionsAttended> sessionsAttendedByExpert() {
    Map<Long, SessionsAttended> attended = new HashMap<>();
    jdbc.sql("""
            SELECT expert_id, COUNT(*), COALESCE(SUM(hours_given), 0) FROM cc_invitation
            WHERE attended = TRUE GROUP BY expert_id""")
        .query(rs -> {
          attended.put(rs.getLong(1), new SessionsAttended(rs.getInt(2), rs.getInt(3)));
        });
    return attended;
  }

  /** Hours each expert gave at these requests' sessions and preparing for them, by expert id. */
  /** One expert's part in one session, as matching counts it against their hours and other sessions. */
  public record Booking(long expertId, long requestId, Boolean attended, int hoursGiven) {}

  /**
   * Who attended these requests' sessions (with the hours they gave, preparation included) and who
   * is proposed, confirmed, invited or booked for them and has not been marked yet.
   */
  public List<Booking> bookings(Collection<Long> requestIds) {
    List<Booking> bookings = new ArrayList<>();
    List<Long> ids = new ArrayList<>(requestIds);
    for (int from = 0; from < ids.size(); from += 1000) {
      jdbc.sql("""
              SELECT expert_id, request_id, attended, COALESCE(hours_given, 0) + COALESCE(preparation_hours, 0)
              FROM cc_invitation WHERE request_id IN (:requests)
                AND (attended = TRUE OR (attended IS NULL AND status IN (:booked)))""")
          .param("requests", ids.subList(from, Math.min(from + 1000, ids.size())))
          .param("booked", List.of(InvitationStatus.PROPOSED.name(), InvitationStatus.CONFIRMED.name(),
              InvitationStatus.INVITED.name(), InvitationStatus.ACCEPTED.name()))
          .query(rs -> {
            bookings.add(new Booking(rs.getLong(1), rs.getLong(2), (Boolean) rs.getObject(3), rs.getInt(4)));
          });
    }
    return bookings;
  }

  /** Whether the expert has come to a session before. */
  public boolean hasAttended(long expertId) {
    return jdbc.sql("SELECT COUNT(*) FROM cc_invitation WHERE expert_id = ? AND attended = TRUE").param(expertId)
        .query(Long.class).single() > 0;
  }

  /** Whether an experienced expert is coming to this session as a newcomer's buddy (confirmed, invited or accepted). */
  public boolean hasBuddyComing(long requestId) {
    return jdbc.sql("SELECT COUNT(*) FROM cc_invitation WHERE request_id = ? AND buddy = TRUE AND status IN (?, ?, ?)")
        .params(requestId, InvitationStatus.CONFIRMED.name(), InvitationStatus.INVITED.name(),
            InvitationStatus.ACCEPTED.name())
        .query(Long.class).single() > 0;
  }

  /** Experts who have attended at least one session. */
  public java.util.Set<Long> expertsWhoAttended() {
    return new java.util.HashSet<>(jdbc.sql("SELECT DISTINCT expert_id FROM cc_invitation WHERE attended = TRUE")
        .query(Long.class).list());
  }

  /** The invitation's own facts: when it went out, and who it is for, by id. */
  public record Sent(long id, long requestId, long expertId, InvitationStatus status, boolean buddy,
      java.time.Instant invitedAt) {}

  public Optional<Sent> findSent(long id) {
    return jdbc.sql("SELECT id, request_id, expert_id, status, buddy, invited_at FROM cc_invitation WHERE id = ?")
        .param(id)
        .query((rs, n) -> new Sent(rs.getLong(1), rs.getLong(2), rs.getLong(3), InvitationStatus.valueOf(rs.getString(4)),
            rs.getBoolean(5), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
        .optional();
  }

  public Map<Long, Integer> hoursGivenByExpert(Collection<Long> requestIds) {
    Map<Long, Integer> hours = new HashMap<>();
    if (requestIds.isEmpty()) {
      return hours;
    }
    jdbc.sql("""
            SELECT expert_id, SUM(COALESCE(hours_given, 0) + COALESCE(preparation_hours, 0)) FROM cc_invitation
            WHERE attended = TRUE AND request_id IN (:requests) GROUP BY expert_id""")
        .param("requests", requestIds)
        .query(rs -> {
          hours.put(rs.getLong(1), rs.getInt(2));
        });
    return hours;
  }

  /** Deletes the invitations of these requests (their recompense entries must be gone first). */
  public void deleteForRequests(Collection<Long> requestIds) {
    if (!requestIds.isEmpty()) {
      jdbc.sql("DELETE FROM cc_invitation WHERE request_id IN (:requests)").param("requests", requestIds).update();
    }
  }

  /**
   * Wipes what the expert told us about themselves on their invitations; the sessions they came
   * to and the hours they gave stay. Nobody is asked on their behalf any more: invitations not yet
   * sent are withdrawn, those already sent stay for the coordinator to close.
   */
  @Override
  public void eraseExpert(long expertId, Erasure erasure) {
    jdbc.sql("""
            UPDATE cc_invitation SET access_needs = NULL, access_arranged = NULL, expenses_note = NULL,
              follow_up_notes = NULL WHERE expert_id = ?""")
        .param(expertId).update();
    jdbc.sql("UPDATE cc_invitation SET status = ? WHERE expert_id = ? AND status IN (?, ?)")
        .params(InvitationStatus.WITHDRAWN.name(), expertId, InvitationStatus.PROPOSED.name(),
            InvitationStatus.CONFIRMED.name()).update();
  }

  /** Invitations to one request's session: sent, accepted, attended, and hours given by those who came. */
  public record Attendance(int invited, int accepted, int attended, int hours) {

    public static final Attendance NONE = new Attendance(0, 0, 0, 0);
  }

  /** How many sessions an expert came to and the hours they gave at them. */
  public record SessionsAttended(int sessions, int hours) {}

  /** An invitation with something to recompense: the time of an expert who came, expenses. */
  public record Recompensable(long id, long expertId, boolean attended, int hours, int preparationHours, BigDecimal travel,
      BigDecimal childcare, BigDecimal subsistence, BigDecimal expenses, String expensesApprovedBy) {}

  /** Expenses the coordinator approved, by kind, in pounds. */
  public record Expenses(BigDecimal travel, BigDecimal childcare, BigDecimal subsistence) {

    public static final Expenses NONE = new Expenses(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    public BigDecimal total() {
      return travel.add(childcare).add(subsistence);
    }
  }

  /** An invitation as stored: the expert by id, their reference asked of the expert pool. */
  private record Row(long id, long requestId, long expertId, InvitationStatus status, boolean buddy) {}

  private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), InvitationStatus.valueOf(rs.getString(4)),
        rs.getBoolean(5));
  }

  private List<Invitation> withRefs(List<Row> rows) {
    Map<Long, String> refs = experts.refsOf(rows.stream().map(Row::expertId).toList());
    return rows.stream()
        .map(row -> new Invitation(row.id(), row.requestId(), row.expertId(), refs.get(row.expertId()), row.status(),
            row.buddy()))
        .toList();
  }

  private static Timestamp now() {
    return Timestamp.from(ProcessClock.now().toInstant());
  }
}
