package org.coproduced.commissioning.involvement.contribution;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** What experts said, in their own words, and what became of it: table {@code cc_contribution}. */
@Repository
public class ContributionRepository {

  private static final String SELECT = """
      SELECT id, request_id, cycle_id, expert_id, stage, said, use_in_needs, answer_outcome, what_changed, why_decided,
        needs_rewording, route
      FROM cc_contribution""";

  private final JdbcClient jdbc;
  private final ExpertRepository experts;

  public ContributionRepository(JdbcClient jdbc, ExpertRepository experts) {
    this.jdbc = jdbc;
    this.experts = experts;
  }

  public long insert(long requestId, long cycleId, long expertId, String stage, String said) {
    return insert(requestId, cycleId, expertId, stage, said, ContributionRoute.SESSION);
  }

  public long insert(long requestId, long cycleId, long expertId, String stage, String said,
      ContributionRoute route) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO cc_contribution (request_id, cycle_id, expert_id, stage, said, route, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(requestId, cycleId, expertId, stage, said, route.name(),
            Timestamp.from(ProcessClock.now().toInstant()))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public Optional<Contribution> findById(long id) {
    return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(ContributionRepository::row).optional()
        .map(row -> withRefs(List.of(row)).get(0));
  }

  public Contribution get(long id) {
    return findById(id).orElseThrow(() -> new IllegalArgumentException("No contribution " + id));
  }

  public List<Contribution> findByCycle(long cycleId) {
    return withRefs(jdbc.sql(SELECT + " WHERE cycle_id = ? ORDER BY id").param(cycleId)
        .query(ContributionRepository::row).list());
  }

  public List<Contribution> findByCycleAndExpert(long cycleId, String expertRef) {
    return experts.findByRef(expertRef)
        .map(expert -> withRefs(jdbc.sql(SELECT + " WHERE cycle_id = ? AND expert_id = ? ORDER BY id")
            .params(cycleId, expert.id()).query(ContributionRepository::row).list()))
        .orElse(List.of());
  }

  public List<Long> idsForRequest(long requestId) {
    return jdbc.sql("SELECT id FROM cc_contribution WHERE request_id = ? ORDER BY id")
        .param(requestId).query(Long.class).list();
  }

  public int countForRequest(long requestId) {
    return jdbc.sql("SELECT COUNT(*) FROM cc_contribution WHERE request_id = ?")
        .param(requestId).query(Integer.class).single();
  }

  public int countForRequestAndInvitation(long requestId, long expertId) {
    return jdbc.sql("SELECT COUNT(*) FROM cc_contribution WHERE request_id = ? AND expert_id = ?")
        .params(requestId, expertId).query(Integer.class).single();
  }

  /** Pseudonymous references of everyone who contributed to the cycle (optionally at one stage). */
  public List<String> contributorRefs(long cycleId, String stage) {
    List<Long> expertIds = jdbc.sql("""
            SELECT DISTINCT expert_id FROM cc_contribution
            WHERE cycle_id = ? AND (CAST(? AS VARCHAR(20)) IS NULL OR stage = ?)""")
        .params(cycleId, stage, stage).query(Long.class).list();
    return experts.refsOf(expertIds).values().stream().sorted().toList();
  }

  public List<Long> idsToAnswer(long cycleId) {
    return jdbc.sql("""
            SELECT id FROM cc_contribution WHERE cycle_id = ? AND (answer_outcome IS NULL OR needs_rewording = TRUE)
            ORDER BY id""")
        .param(cycleId).query(Long.class).list();
  }

  public void recordUse(long id, String use) {
    jdbc.sql("UPDATE cc_contribution SET use_in_needs = ? WHERE id = ?").params(use, id).update();
  }

  public void recordAnswer(long id, String outcome, String whatChanged, String whyDecided) {
    jdbc.sql("""
            UPDATE cc_contribution SET answer_outcome = ?, what_changed = ?, why_decided = ?, answered_at = ?,
              needs_rewording = FALSE WHERE id = ?""")
        .params(outcome, whatChanged, whyDecided, Timestamp.from(ProcessClock.now().toInstant()), id).update();
  }

  /** Flags answers for rewording; returns how many of the given ids belonged to the cycle. */
  public int flagForRewording(long cycleId, List<Long> ids) {
    int flagged = 0;
    for (Long id : ids) {
      flagged += jdbc.sql("UPDATE cc_contribution SET needs_rewording = TRUE WHERE id = ? AND cycle_id = ?")
          .params(id, cycleId).update();
    }
    return flagged;
  }

  /**
   * What became of each contribution to these cycles, oldest first, without what was said: the
   * commissioner's answer, and who made it by expert id.
   */
  public List<ContributionOutcome> outcomesOfCycles(Collection<Long> cycleIds) {
    if (cycleIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
            SELECT id, cycle_id, expert_id, stage, use_in_needs, answer_outcome, what_changed, why_decided,
              needs_rewording, created_at, answered_at, request_id, route
            FROM cc_contribution WHERE cycle_id IN (:cycles) ORDER BY id""")
        .param("cycles", cycleIds)
        .query((rs, n) -> new ContributionOutcome(rs.getLong("id"), rs.getLong("cycle_id"), rs.getLong("expert_id"),
            rs.getString("stage"), rs.getString("use_in_needs"), rs.getString("answer_outcome"),
            rs.getString("what_changed"), rs.getString("why_decided"), rs.getBoolean("needs_rewording"),
            instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("answered_at")), rs.getLong("request_id"),
            ContributionRoute.valueOf(rs.getString("route"))))
        .list();
  }

  /**
   * How many contributions of every cycle have each answer, in one query; a contribution sent back
   * for rewording counts as unanswered (key null), as in {@link #outcomesOfCycles}.
   */
  public Map<String, Integer> countsByOutcome() {
    Map<String, Integer> counts = new HashMap<>();
    jdbc.sql("""
            SELECT outcome, COUNT(*) FROM (
              SELECT CASE WHEN needs_rewording = TRUE THEN NULL ELSE answer_outcome END AS outcome
              FROM cc_contribution) answers
            GROUP BY outcome""")
        .query(rs -> {
          counts.merge(rs.getString(1), rs.getInt(2), Integer::sum);
        });
    return counts;
  }

  /**
   * Each contributor of every cycle, with the time their last answered contribution was answered
   * (null while none is): one row per contributor and cycle, in one query.
   */
  public List<LatestAnswer> latestAnswers() {
    return jdbc.sql("SELECT cycle_id, expert_id, MAX(answered_at) FROM cc_contribution GROUP BY cycle_id, expert_id")
        .query((rs, n) -> new LatestAnswer(rs.getLong(1), rs.getLong(2), instant(rs.getTimestamp(3)))).list();
  }

  /** When the last of a contributor's contributions to a cycle was answered; null if none is yet. */
  public record LatestAnswer(long cycleId, long expertId, Instant answeredAt) {}

  /** The ids of the experts who contributed to the cycle, each once. */
  public List<Long> contributorIds(long cycleId) {
    return jdbc.sql("SELECT DISTINCT expert_id FROM cc_contribution WHERE cycle_id = ?").param(cycleId)
        .query(Long.class).list();
  }

  /** The ids of everything an expert said, in every cycle. */
  public List<Long> idsOfExpert(long expertId) {
    return jdbc.sql("SELECT id FROM cc_contribution WHERE expert_id = ? ORDER BY id").param(expertId)
        .query(Long.class).list();
  }

  /** The cycles an expert contributed to, each once. */
  public List<Long> cycleIdsOf(long expertId) {
    return jdbc.sql("SELECT DISTINCT cycle_id FROM cc_contribution WHERE expert_id = ?").param(expertId)
        .query(Long.class).list();
  }

  /**
   * Replaces the words of everything an expert sent by one route with {@code replacement}: the
   * contribution, its answer and its place in the feedback stay, what they wrote goes.
   */
  public int replaceWordsOf(long expertId, ContributionRoute route, String replacement) {
    return jdbc.sql("UPDATE cc_contribution SET said = ? WHERE expert_id = ? AND route = ?")
        .params(replacement, expertId, route.name()).update();
  }

  public void deleteForCycle(long cycleId) {
    jdbc.sql("DELETE FROM cc_contribution WHERE cycle_id = ?").param(cycleId).update();
  }

  /**
   * A contribution's fate: {@code answerOutcome} counts only once it needs no rewording. The gate
   * it counted for and how it reached us, never what was said.
   */
  public record ContributionOutcome(long id, long cycleId, long expertId, String stage, String useInNeeds,
      String answerOutcome, String whatChanged, String whyDecided, boolean needsRewording, Instant recordedAt,
      Instant answeredAt, long requestId, ContributionRoute route) {

    public String ref() {
      return Contribution.refOf(id);
    }
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  /** A contribution as stored: the expert by id, their reference asked of the expert pool. */
  private record Row(long id, long requestId, long cycleId, long expertId, String stage, String said,
      String useInNeeds, String answerOutcome, String whatChanged, String whyDecided, boolean needsRewording,
      ContributionRoute route) {

    Contribution withRef(String expertRef) {
      return new Contribution(id, requestId, cycleId, expertRef, stage, said, useInNeeds, answerOutcome, whatChanged,
          whyDecided, needsRewording, route);
    }
  }

  private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getString(6),
        rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getBoolean(11),
        ContributionRoute.valueOf(rs.getString(12)));
  }

  private List<Contribution> withRefs(List<Row> rows) {
    Map<Long, String> refs = experts.refsOf(rows.stream().map(Row::expertId).toList());
    return rows.stream().map(row -> row.withRef(refs.get(row.expertId()))).toList();
  }
}
