package org.coproduced.commissioning.feedback;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.records.CycleRecords;
import org.coproduced.commissioning.records.ExpertRecords;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Feedback status per contributor and cycle: table {@code cc_feedback}. Who contributed is the
 * involvement feature's to say, and an expert's reference the experts feature's: both are asked.
 */
@Repository
@Order(CycleRecords.REFERRING_TO_CYCLE)
public class FeedbackRepository implements CycleRecords, ExpertRecords {

  /** The note on feedback closed because its expert asked for their personal data to be erased. */
  static final String NOT_DELIVERED = "Not delivered: they asked for their personal data to be erased.";

  private static final String ADD_IF_MISSING = """
      INSERT INTO cc_feedback (cycle_id, expert_id, status, created_at)
      SELECT ?, ?, 'WAITING', CAST(? AS TIMESTAMP) WHERE NOT EXISTS
        (SELECT 1 FROM cc_feedback f WHERE f.cycle_id = ? AND f.expert_id = ?)""";

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final ContributionRepository contributions;
  private final ExpertRepository experts;

  public FeedbackRepository(JdbcClient jdbc, JdbcTemplate batch, ContributionRepository contributions,
      ExpertRepository experts) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.contributions = contributions;
    this.experts = experts;
  }

  /** Adds a WAITING row for every contributor of the cycle who has none yet; returns how many. */
  public int addMissingContributors(long cycleId) {
    Timestamp now = now();
    List<Object[]> rows = contributions.contributorIds(cycleId).stream()
        .map(expertId -> new Object[] {cycleId, expertId, now, cycleId, expertId}).toList();
    int added = 0;
    for (int count : batch.batchUpdate(ADD_IF_MISSING, rows)) {
      added += Math.max(count, 0);
    }
    return added;
  }

  public void acknowledge(long cycleId, String expertRef, String reply) {
    int rows = experts.idOf(expertRef).map(expertId -> jdbc.sql("""
            UPDATE cc_feedback SET status = 'ACKNOWLEDGED', reply = ?, had_reply = ?, completed_at = ?
            WHERE cycle_id = ? AND expert_id = ? AND status = 'WAITING'""")
        .params(reply, reply != null, now(), cycleId, expertId).update()).orElse(0);
    requireOneOrAlreadyDone(rows, cycleId, expertRef);
  }

  public void attest(long cycleId, String expertRef, String method, LocalDate deliveredOn, String confirmedBy,
      String notes) {
    int rows = experts.idOf(expertRef).map(expertId -> jdbc.sql("""
            UPDATE cc_feedback SET status = 'ATTESTED', delivery_method = ?, delivered_on = ?, confirmed_by = ?,
              notes = ?, completed_at = ?
            WHERE cycle_id = ? AND expert_id = ? AND status = 'WAITING'""")
        .params(method, deliveredOn, confirmedBy, notes, now(), cycleId, expertId).update()).orElse(0);
    requireOneOrAlreadyDone(rows, cycleId, expertRef);
  }

  /**
   * Records whether the contributor agreed that what they said may appear on the cycle's public
   * page, reworded by staff and without their name. {@code null} (not answered) changes nothing.
   *
   * @param recordedBy {@code contributor} when they chose themselves, else the coordinator's user id
   */
  public void recordPublicConsent(long cycleId, String expertRef, Boolean consent, String recordedBy) {
    if (consent == null) {
      return;
    }
    experts.idOf(expertRef).ifPresent(expertId -> jdbc.sql("""
            UPDATE cc_feedback SET public_consent = ?, public_consent_by = ? WHERE cycle_id = ? AND expert_id = ?""")
        .params(consent, recordedBy, cycleId, expertId).update());
  }

  /** The experts of the cycle who said yes to the public page; everyone else is only counted there. */
  public Set<Long> publicConsentIds(long cycleId) {
    return new HashSet<>(jdbc.sql("SELECT expert_id FROM cc_feedback WHERE cycle_id = ? AND public_consent = TRUE")
        .param(cycleId).query(Long.class).list());
  }

  /** Contributors of the cycle whose feedback is neither acknowledged nor attested, by reference. */
  public List<String> waitingRefs(long cycleId) {
    Set<Long> waiting = new HashSet<>(contributions.contributorIds(cycleId));
    if (waiting.isEmpty()) {
      return List.of();
    }
    waiting.removeAll(jdbc.sql("""
            SELECT expert_id FROM cc_feedback WHERE cycle_id = ? AND status IN ('ACKNOWLEDGED', 'ATTESTED')""")
        .param(cycleId).query(Long.class).list());
    return experts.refsOf(waiting).values().stream().sorted().toList();
  }

  public FeedbackStatus statusOf(long cycleId, String expertRef) {
    return experts.idOf(expertRef)
        .flatMap(expertId -> jdbc.sql("SELECT status FROM cc_feedback WHERE cycle_id = ? AND expert_id = ?")
            .params(cycleId, expertId).query(String.class).optional())
        .map(FeedbackStatus::valueOf).orElse(FeedbackStatus.WAITING);
  }

  /**
   * When each contributor's feedback was done, of every cycle, keyed by cycle id and expert id: one
   * query however many cycles there are. Feedback not done yet is left out.
   */
  public Map<List<Long>, Instant> completedAtByContributor() {
    Map<List<Long>, Instant> completed = new HashMap<>();
    jdbc.sql("SELECT cycle_id, expert_id, completed_at FROM cc_feedback WHERE completed_at IS NOT NULL")
        .query(rs -> {
          completed.put(List.of(rs.getLong(1), rs.getLong(2)), instant(rs.getTimestamp(3)));
        });
    return completed;
  }

  /** The feedback rows of these cycles, whatever their status, for auditors. */
  public List<FeedbackSummary> summariesOfCycles(Collection<Long> cycleIds) {
    if (cycleIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
            SELECT cycle_id, expert_id, status, delivery_method, created_at, completed_at, had_reply, reply_answered_at
            FROM cc_feedback WHERE cycle_id IN (:cycles)""")
        .param("cycles", cycleIds)
        .query((rs, n) -> new FeedbackSummary(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
            instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), rs.getBoolean(7), rs.getTimestamp(8) != null))
        .list();
  }

  @Override
  public void deleteForCycle(long cycleId) {
    jdbc.sql("DELETE FROM cc_feedback WHERE cycle_id = ?").param(cycleId).update();
  }

  /**
   * Wipes the expert's replies, the answers to them, the coordinators' delivery notes and their
   * yes to the public page (so their words leave it), and closes every feedback
   * still due to them, in cycles they contributed to whether or not it was sent: they asked not
   * to be contacted.
   */
  @Override
  public void eraseExpert(long expertId, Erasure erasure) {
    Timestamp at = Timestamp.from(erasure.at());
    jdbc.sql("UPDATE cc_feedback SET reply = NULL, reply_answer = NULL, notes = NULL, public_consent = NULL"
        + " WHERE expert_id = ?").param(expertId).update();
    jdbc.sql("""
            UPDATE cc_feedback SET status = 'ATTESTED', delivery_method = 'erased', delivered_on = ?, confirmed_by = ?,
              notes = ?, completed_at = ? WHERE expert_id = ? AND status = 'WAITING'""")
        .params(erasure.on(), erasure.confirmedBy(), NOT_DELIVERED, at, expertId).update();
    for (long cycleId : contributions.cycleIdsOf(expertId)) {
      jdbc.sql("""
              INSERT INTO cc_feedback (cycle_id, expert_id, status, delivery_method, delivered_on, confirmed_by, notes,
                created_at, completed_at)
              SELECT ?, ?, 'ATTESTED', 'erased', CAST(? AS DATE), ?, ?, CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP)
              WHERE NOT EXISTS
                (SELECT 1 FROM cc_feedback f WHERE f.cycle_id = ? AND f.expert_id = ?)""")
          .params(cycleId, expertId, erasure.on(), erasure.confirmedBy(), NOT_DELIVERED, at, at, cycleId, expertId)
          .update();
    }
  }

  /**
   * A contributor's feedback in a cycle: whether it was acknowledged or attested, how and when, and
   * whether they wrote back and were answered (never the words).
   */
  public record FeedbackSummary(long cycleId, long expertId, String status, String deliveryMethod, Instant createdAt,
      Instant completedAt, boolean hadReply, boolean replyAnswered) {}

  private void requireOneOrAlreadyDone(int rows, long cycleId, String expertRef) {
    if (rows == 0 && statusOf(cycleId, expertRef) == FeedbackStatus.WAITING) {
      throw new IllegalStateException("No feedback is due to " + expertRef + " in cycle " + cycleId);
    }
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
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
