package org.coproduced.commissioning.experts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The expert pool in table {@code cc_expert}. */
@Repository
public class ExpertRepository {

  /** Pseudonymous references look like EX-0012. */
  public static final String REF_PREFIX = "EX-";

  private static final String COLUMNS =
      "id, ref, tasklist_user, display_name, contact_channel, lived_experience, recompense_preference,"
          + " consent_review_on, wellbeing_review_on, buddy_ref, experienced, status, paused_until, erased";

  private static final int IN_LIST_SIZE = 1000;

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

  /** Everyone matching may consider: not erased, whatever their status (a pause may end before a session). */
  public List<Expert> findNotErased() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM cc_expert WHERE erased = FALSE ORDER BY ref").query(this::map).list();
  }

  public List<Expert> findAll() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM cc_expert ORDER BY ref").query(this::map).list();
  }

  /**
   * The pseudonymous reference of each of the experts with these ids, in one query for each
   * thousand ids: other features keep expert ids and ask here for what to show.
   */
  public Map<Long, String> refsOf(Collection<Long> ids) {
    Map<Long, String> refs = new HashMap<>();
    for (List<Long> chunk : chunks(ids)) {
      jdbc.sql("SELECT id, ref FROM cc_expert WHERE id IN (:ids)").param("ids", chunk)
          .query(rs -> {
            refs.put(rs.getLong(1), rs.getString(2));
          });
    }
    return refs;
  }

  /** The id of each of the experts with these references; unknown references are left out. */
  public Map<String, Long> idsOf(Collection<String> refs) {
    Map<String, Long> ids = new HashMap<>();
    for (List<String> chunk : chunks(refs)) {
      jdbc.sql("SELECT ref, id FROM cc_expert WHERE ref IN (:refs)").param("refs", chunk)
          .query(rs -> {
            ids.put(rs.getString(1), rs.getLong(2));
          });
    }
    return ids;
  }

  /** The interests experts declared (organisations they have ties with), by expert id; only those who declared any. */
  public Map<Long, String> declaredInterests() {
    Map<Long, String> interests = new HashMap<>();
    jdbc.sql("SELECT id, declared_interests FROM cc_expert WHERE declared_interests IS NOT NULL")
        .query(rs -> {
          interests.put(rs.getLong(1), rs.getString(2));
        });
    return interests;
  }

  /** Everything recorded about an expert, personal details included, for the coordinators' pages. */
  public Optional<ExpertProfile> findProfile(String ref) {
    return jdbc.sql("""
            SELECT %s, email, phone, postal_address, benefits_advice_offered, benefits_advice_offered_on,
              consent_given_on, wellbeing_checked_on, wellbeing_notes, declared_interests, status_note, left_on, erased_on
            FROM cc_expert WHERE ref = ?""".formatted(COLUMNS))
        .param(ref)
        .query((rs, n) -> new ExpertProfile(map(rs, n), rs.getString("email"), rs.getString("phone"),
            rs.getString("postal_address"), rs.getBoolean("benefits_advice_offered"),
            rs.getObject("benefits_advice_offered_on", LocalDate.class),
            rs.getObject("consent_given_on", LocalDate.class), rs.getObject("wellbeing_checked_on", LocalDate.class),
            rs.getString("wellbeing_notes"), rs.getString("declared_interests"), rs.getString("status_note"),
            rs.getObject("left_on", LocalDate.class), rs.getObject("erased_on", LocalDate.class)))
        .optional();
  }

  /** The id behind a pseudonymous reference. */
  public Optional<Long> idOf(String ref) {
    return jdbc.sql("SELECT id FROM cc_expert WHERE ref = ?").param(ref).query(Long.class).optional();
  }

  /** The references of everyone not erased, by id, in the order of their references. */
  public Map<Long, String> refsNotErased() {
    Map<Long, String> refs = new LinkedHashMap<>();
    jdbc.sql("SELECT id, ref FROM cc_expert WHERE erased = FALSE ORDER BY ref")
        .query(rs -> {
          refs.put(rs.getLong(1), rs.getString(2));
        });
    return refs;
  }

  /**
   * The next free pseudonymous reference. Two coordinators adding an expert at the same moment
   * would collide on the unique reference; the second is then asked to try again.
   */
  public String nextRef() {
    int highest = jdbc.sql("SELECT ref FROM cc_expert WHERE ref LIKE 'EX-%'").query(String.class).list().stream()
        .map(ref -> ref.substring(REF_PREFIX.length()))
        .filter(number -> number.chars().allMatch(Character::isDigit) && !number.isEmpty())
        .mapToInt(Integer::parseInt).max().orElse(0);
    return "%s%04d".formatted(REF_PREFIX, highest + 1);
  }

  /** Saves a new expert with their personal details; returns the id. */
  public long insert(NewExpert expert) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO cc_expert (ref, tasklist_user, display_name, email, phone, postal_address, contact_channel,
              lived_experience, recompense_preference, benefits_advice_offered, benefits_advice_offered_on,
              consent_given_on, consent_review_on, wellbeing_checked_on, wellbeing_review_on, wellbeing_notes, buddy_ref,
              experienced, status, declared_interests, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(expert.ref(), expert.tasklistUser(), expert.displayName(), expert.email(), expert.phone(),
            expert.postalAddress(), expert.contactChannel().name(), String.join(",", expert.livedExperience()),
            expert.recompensePreference(), expert.benefitsAdviceOffered(),
            expert.benefitsAdviceOffered() ? ProcessClock.today() : null, expert.consentGivenOn(),
            expert.consentReviewOn(), expert.wellbeingCheckedOn(), expert.wellbeingReviewOn(),
            expert.wellbeingNotes(), expert.buddyRef(), expert.experienced(), ExpertStatus.ACTIVE.name(),
            expert.declaredInterests(), now())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /**
   * Saves a coordinator's update; personal details left empty keep their recorded value.
   *
   * @param benefitsAdviceOfferedOn when benefits advice was first offered, or {@code null}
   */
  public void update(long id, ExpertDetails d, LocalDate benefitsAdviceOfferedOn) {
    boolean paused = d.status() == ExpertStatus.PAUSED;
    boolean left = d.status() == ExpertStatus.LEFT;
    jdbc.sql("""
            UPDATE cc_expert SET contact_channel = ?, lived_experience = ?, recompense_preference = ?,
              benefits_advice_offered = ?, benefits_advice_offered_on = ?, consent_given_on = ?, consent_review_on = ?,
              wellbeing_checked_on = ?, wellbeing_review_on = ?, buddy_ref = ?, experienced = ?, status = ?,
              paused_until = CASE WHEN ? THEN paused_until ELSE NULL END,
              left_on = CASE WHEN ? THEN COALESCE(left_on, ?) ELSE NULL END,
              display_name = COALESCE(?, display_name), email = COALESCE(?, email), phone = COALESCE(?, phone),
              postal_address = COALESCE(?, postal_address), tasklist_user = COALESCE(?, tasklist_user),
              wellbeing_notes = COALESCE(?, wellbeing_notes), declared_interests = COALESCE(?, declared_interests),
              updated_at = ?
            WHERE id = ? AND erased = FALSE""")
        .params(d.contactChannel().name(), String.join(",", d.livedExperience()), d.recompensePreference(),
            d.benefitsAdviceOffered(), benefitsAdviceOfferedOn, d.consentGivenOn(), d.consentReviewOn(),
            d.wellbeingCheckedOn(), d.wellbeingReviewOn(), d.buddyRef(), d.experienced(), d.status().name(),
            paused, left, ProcessClock.today(),
            d.displayName(), d.email(), d.phone(), d.postalAddress(), d.tasklistUser(), d.wellbeingNotes(),
            d.declaredInterests(), now(), id)
        .update();
  }

  /** Pauses an expert, until a day or until a coordinator makes them active again. */
  public void pause(long id, LocalDate until, String note) {
    jdbc.sql("""
            UPDATE cc_expert SET status = 'PAUSED', paused_until = ?, status_note = COALESCE(?, status_note),
              updated_at = ? WHERE id = ? AND erased = FALSE""")
        .params(until, note, now(), id).update();
  }

  /** Records that an expert has left the pool. Their record stays until they ask for it to be erased. */
  public void leave(long id, LocalDate leftOn, String note) {
    jdbc.sql("""
            UPDATE cc_expert SET status = 'LEFT', paused_until = NULL, left_on = ?, status_note = COALESCE(?, status_note),
              updated_at = ? WHERE id = ? AND erased = FALSE""")
        .params(leftOn, note, now(), id).update();
  }

  /** The coordinator offered independent benefits advice (for example before a payment). */
  public void recordBenefitsAdviceOffered(long id, LocalDate on) {
    jdbc.sql("UPDATE cc_expert SET benefits_advice_offered = TRUE, benefits_advice_offered_on = ?, updated_at = ? WHERE id = ?")
        .params(on, now(), id).update();
  }

  /**
   * Wipes the personal details of an expert and marks them erased and left. The row and its
   * reference stay, so invitations, contributions and payments still point at someone.
   */
  public void erasePersonalDetails(long id, LocalDate on) {
    jdbc.sql("""
            UPDATE cc_expert SET tasklist_user = NULL, display_name = NULL, email = NULL, phone = NULL,
              postal_address = NULL, lived_experience = '', wellbeing_notes = NULL, declared_interests = NULL,
              status_note = NULL, buddy_ref = NULL, consent_given_on = NULL, consent_review_on = NULL,
              wellbeing_checked_on = NULL, wellbeing_review_on = NULL, paused_until = NULL,
              status = 'LEFT', left_on = COALESCE(left_on, ?), erased = TRUE, erased_on = ?, updated_at = ?
            WHERE id = ?""")
        .params(on, on, now(), id).update();
    // Nobody is the buddy of someone who is no longer there.
    jdbc.sql("UPDATE cc_expert SET buddy_ref = NULL WHERE buddy_ref = (SELECT ref FROM cc_expert WHERE id = ?)")
        .param(id).update();
  }

  public long count() {
    return jdbc.sql("SELECT COUNT(*) FROM cc_expert").query(Long.class).single();
  }

  /** Keeps an IN list well inside what every database accepts. */
  private static <T> List<List<T>> chunks(Collection<T> values) {
    List<T> distinct = List.copyOf(new LinkedHashSet<>(values));
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < distinct.size(); from += IN_LIST_SIZE) {
      chunks.add(distinct.subList(from, Math.min(from + IN_LIST_SIZE, distinct.size())));
    }
    return chunks;
  }

  private static Timestamp now() {
    return Timestamp.from(ProcessClock.now().toInstant());
  }

  private Expert map(ResultSet rs, int row) throws SQLException {
    return new Expert(
        rs.getLong("id"),
        rs.getString("ref"),
        rs.getString("tasklist_user"),
        rs.getString("display_name"),
        ContactChannel.valueOf(rs.getString("contact_channel")),
        areas(rs.getString("lived_experience")),
        rs.getString("recompense_preference"),
        rs.getObject("consent_review_on", LocalDate.class),
        rs.getObject("wellbeing_review_on", LocalDate.class),
        rs.getString("buddy_ref"),
        rs.getBoolean("experienced"),
        ExpertStatus.valueOf(rs.getString("status")),
        rs.getObject("paused_until", LocalDate.class),
        rs.getBoolean("erased"));
  }

  static Set<String> areas(String stored) {
    return Arrays.stream(stored == null ? new String[0] : stored.split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
  }
}
