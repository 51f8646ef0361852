package org.coproduced.commissioning.involvement.matching;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coproduced.commissioning.involvement.invitation.InvitationStatus;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Commitment;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Session;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The facts matching needs from involvement's own tables: bookings and hours given. Conflicts of
 * interest come from procurement, through {@link DeclaredConflicts}.
 */
@Repository
public class MatchingQueries {

  private final JdbcClient jdbc;

  public MatchingQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Each expert's commitments to sessions between {@code from} and {@code to}, other than the
   * request being matched: sessions they attended (hours given plus preparation) and sessions they
   * are proposed, confirmed, invited or booked for that have not been held yet (the session's length).
   */
  public Map<Long, List<Commitment>> commitments(LocalDate from, LocalDate to, long exceptRequestId) {
    Map<Long, List<Commitment>> byExpert = new HashMap<>();
    jdbc.sql("""
            SELECT i.expert_id, r.session_date, r.session_time, r.duration_hours, i.attended,
              COALESCE(i.hours_given, 0) + COALESCE(i.preparation_hours, 0)
            FROM cc_invitation i JOIN cc_involvement_request r ON r.id = i.request_id
            WHERE r.id <> ? AND r.session_date BETWEEN ? AND ?
              AND (i.attended = TRUE OR (i.attended IS NULL AND r.status <> 'COMPLETED'
                AND i.status IN (?, ?, ?, ?)))""")
        .params(exceptRequestId, from, to, InvitationStatus.PROPOSED.name(), InvitationStatus.CONFIRMED.name(),
            InvitationStatus.INVITED.name(), InvitationStatus.ACCEPTED.name())
        .query(rs -> {
          LocalDateTime start = LocalDateTime.of(rs.getObject(2, LocalDate.class), LocalTime.parse(rs.getString(3)));
          int duration = rs.getInt(4);
          boolean attended = rs.getBoolean(5);
          int hours = attended ? rs.getInt(6) : duration;
          byExpert.computeIfAbsent(rs.getLong(1), id -> new java.util.ArrayList<>())
              .add(new Commitment(new Session(start, duration), hours));
        });
    return byExpert;
  }

  /** Experts who have attended at least one session. */
  public Set<Long> expertsWhoAttended() {
    return new HashSet<>(jdbc.sql("SELECT DISTINCT expert_id FROM cc_invitation WHERE attended = TRUE")
        .query(Long.class).list());
  }
}
