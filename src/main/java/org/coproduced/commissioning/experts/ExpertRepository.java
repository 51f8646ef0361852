package org.coproduced.commissioning.experts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The expert pool in table {@code cc_expert}. */
@Repository
public class ExpertRepository {

  private static final String COLUMNS =
      "id, ref, tasklist_user, display_name, contact_channel, lived_experience, recompense_preference,"
          + " consent_review_on, wellbeing_review_on, buddy_ref, experienced, status";

  private final JdbcClient jdbc;

  public ExpertRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Expert> findByRef(String ref) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM cc_expert WHERE ref = ?").param(ref).query(this::map).optional();
  }

  public Optional<Expert> findById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM cc_expert WHERE id = ?").param(id).query(this::map).optional();
  }

  public Optional<Expert> findByTasklistUser(String userId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM cc_expert WHERE tasklist_user = ?")
        .param(userId).query(this::map).optional();
  }

  public List<Expert> findActive() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM cc_expert WHERE status = 'ACTIVE' AND erased = FALSE ORDER BY ref")
        .query(this::map).list();
  }

  public List<Expert> findAll() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM cc_expert ORDER BY ref").query(this::map).list();
  }

  /** Whether the expert has attended any session before: first-timers get a buddy. */
  public boolean hasAttendedBefore(long expertId) {
    return jdbc.sql("SELECT COUNT(*) FROM cc_invitation WHERE expert_id = ? AND attended = TRUE")
        .param(expertId).query(Long.class).single() > 0;
  }

  /** Hours given in sessions held between {@code from} and {@code to} (inclusive). */
  public int hoursGivenBetween(long expertId, LocalDate from, LocalDate to) {
    return jdbc.sql("""
            SELECT COALESCE(SUM(i.hours_given), 0) FROM cc_invitation i
            JOIN cc_involvement_request r ON r.id = i.request_id
            WHERE i.expert_id = ? AND i.attended = TRUE AND r.session_date BETWEEN ? AND ?""")
        .params(expertId, from, to).query(Integer.class).single();
  }

  /** Saves a new expert with their personal details; returns the id. */
  public long insert(NewExpert expert) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO cc_expert (ref, tasklist_user, display_name, email, phone, postal_address, contact_channel,
              lived_experience, recompense_preference, benefits_advice_offered, consent_given_on, consent_review_on,
              wellbeing_checked_on, wellbeing_review_on, wellbeing_notes, buddy_ref, experienced, status, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(expert.ref(), expert.tasklistUser(), expert.displayName(), expert.email(), expert.phone(),
            expert.postalAddress(), expert.contactChannel().name(), String.join(",", expert.livedExperience()),
            expert.recompensePreference(), expert.benefitsAdviceOffered(), expert.consentGivenOn(),
            expert.consentReviewOn(), expert.wellbeingCheckedOn(), expert.wellbeingReviewOn(),
            expert.wellbeingNotes(), expert.buddyRef(), expert.experienced(), ExpertStatus.ACTIVE.name(),
            Timestamp.from(ProcessClock.now().toInstant()))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public long count() {
    return jdbc.sql("SELECT COUNT(*) FROM cc_expert").query(Long.class).single();
  }

  private Expert map(ResultSet rs, int row) throws SQLException {
    return new Expert(
        rs.getLong("id"),
        rs.getString("ref"),
        rs.getString("tasklist_user"),
        rs.getString("display_name"),
        ContactChannel.valueOf(rs.getString("contact_channel")),
        Arrays.stream(rs.getString("lived_experience").split(","))
            .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new)),
        rs.getString("recompense_preference"),
        rs.getObject("consent_review_on", LocalDate.class),
        rs.getObject("wellbeing_review_on", LocalDate.class),
        rs.getString("buddy_ref"),
        rs.getBoolean("experienced"),
        ExpertStatus.valueOf(rs.getString("status")));
  }
}
