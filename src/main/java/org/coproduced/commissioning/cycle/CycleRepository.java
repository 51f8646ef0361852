package org.coproduced.commissioning.cycle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.coproduced.commissioning.involvement.CycleOutlines;
import org.coproduced.commissioning.records.CycleRecords;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Cycles in table {@code cc_cycle}, with their specification reviews and mediation meetings. */
@Repository
@Order(CycleRecords.CYCLE)
public class CycleRepository implements CycleRecords, CycleOutlines {

  private static final String SUMMARY = """
      SELECT id, title, service_area, commissioner, status, process_instance_id, created_at, ended_at,
        review_outcome, review_reason, cancellation_reason
      FROM cc_cycle""";

  private final JdbcClient jdbc;

  public CycleRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(String title, String serviceArea, String budgetBand, String purpose, String outcomes,
      String timeline, String commissioner, String processInstanceId) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO cc_cycle (title, service_area, budget_band, involvement_purpose, desired_outcomes, timeline,
              commissioner, status, process_instance_id, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)""")
        .params(title, serviceArea, budgetBand, purpose, outcomes, timeline, commissioner, processInstanceId, now())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public Optional<Cycle> findById(long id) {
    return jdbc.sql("""
            SELECT id, title, service_area, commissioner, status, involvement_purpose, specification_summary,
              specification_changes, specification_link, review_round, cancellation_reason
            FROM cc_cycle WHERE id = ?""")
        .param(id)
        .query((rs, n) -> new Cycle(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10),
            rs.getString(11)))
        .optional();
  }

  public void recordPlan(long cycleId, String sharedPurpose, String roles, String recompenseOffer) {
    update("UPDATE cc_cycle SET shared_purpose = ?, roles_agreed = ?, recompense_offer = ? WHERE id = ?",
        sharedPurpose, roles, recompenseOffer, cycleId);
  }

  public void recordNeedsAssessment(long cycleId, String summary, String link) {
    update("UPDATE cc_cycle SET needs_summary = ?, needs_document_link = ? WHERE id = ?", summary, link, cycleId);
  }

  /** Saves a new draft of the specification and returns its review round (1 for the first draft). */
  public int recordSpecificationDraft(long cycleId, String summary, String changes, String link) {
    update("""
        UPDATE cc_cycle SET specification_summary = ?, specification_changes = ?, specification_link = ?,
          review_round = review_round + 1 WHERE id = ?""", summary, changes, link, cycleId);
    return jdbc.sql("SELECT review_round FROM cc_cycle WHERE id = ?").param(cycleId).query(Integer.class).single();
  }

  public void recordSpecificationReview(long cycleId, int round, String reviewerRef, String decision, String comments) {
    jdbc.sql("""
            INSERT INTO cc_specification_review (cycle_id, round, reviewer_ref, decision, comments, created_at)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(cycleId, round, reviewerRef, decision, comments, now()).update();
  }

  public long countReviews(long cycleId, int round, String decision) {
    return jdbc.sql("SELECT COUNT(*) FROM cc_specification_review WHERE cycle_id = ? AND round = ? AND decision = ?")
        .params(cycleId, round, decision).query(Long.class).single();
  }

  public void recordMediation(long cycleId, int round, LocalDate meetingDate, String agreedChanges, String recordedBy) {
    jdbc.sql("""
            INSERT INTO cc_mediation_meeting (cycle_id, round, meeting_date, agreed_changes, recorded_by, created_at)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(cycleId, round, meetingDate, agreedChanges, recordedBy, now()).update();
  }

  public void recordReviewOutcome(long cycleId, String outcome, String reason) {
    update("UPDATE cc_cycle SET review_outcome = ?, review_reason = ? WHERE id = ?", outcome, reason, cycleId);
  }

  public void recordCancellation(long cycleId, String reason) {
    update("UPDATE cc_cycle SET status = 'CANCELLING', cancellation_reason = ? WHERE id = ?", reason, cycleId);
  }

  /** Marks the cycle ended: COMPLETED, or CANCELLED when it was being cancelled. */
  public void markEnded(long cycleId) {
    update("""
        UPDATE cc_cycle SET status = CASE WHEN status = 'CANCELLING' THEN 'CANCELLED' ELSE 'COMPLETED' END,
          ended_at = ? WHERE id = ?""", now(), cycleId);
  }

  /**
   * One page of cycles, newest first: {@code limit} cycles after skipping the {@code offset} newest.
   * Auditors page through years of cycles with it, so a page costs the same however many there are.
   */
  public List<CycleSummary> summaries(int offset, int limit) {
    return jdbc.sql(SUMMARY + " ORDER BY id DESC LIMIT ? OFFSET ?").params(limit, offset).query(this::mapSummary)
        .list();
  }

  /** How many cycles have each status, in one query however many cycles there are. */
  public java.util.Map<String, Integer> countsByStatus() {
    java.util.Map<String, Integer> counts = new java.util.HashMap<>();
    jdbc.sql("SELECT status, COUNT(*) FROM cc_cycle GROUP BY status").query(rs -> {
      counts.put(rs.getString(1), rs.getInt(2));
    });
    return counts;
  }

  public Optional<CycleSummary> summary(long cycleId) {
    return jdbc.sql(SUMMARY + " WHERE id = ?").param(cycleId).query(this::mapSummary).optional();
  }

  /** The cycle whose main process instance is given. */
  public Optional<CycleSummary> summaryByProcessInstance(String processInstanceId) {
    return jdbc.sql(SUMMARY + " WHERE process_instance_id = ?").param(processInstanceId).query(this::mapSummary)
        .optional();
  }

  /** Completed and cancelled cycles that ran as a process, oldest first. */
  public List<CycleSummary> endedWithProcess() {
    return jdbc.sql(SUMMARY + " WHERE status IN ('COMPLETED', 'CANCELLED') AND process_instance_id IS NOT NULL"
        + " ORDER BY id").query(this::mapSummary).list();
  }

  /** Every reviewer's decision on each draft of the specification, by round. */
  public List<SpecificationReview> specificationReviews(long cycleId) {
    return jdbc.sql("""
            SELECT round, reviewer_ref, decision, created_at FROM cc_specification_review
            WHERE cycle_id = ? ORDER BY round, reviewer_ref""")
        .param(cycleId)
        .query((rs, n) -> new SpecificationReview(rs.getInt("round"), rs.getString("reviewer_ref"),
            rs.getString("decision"), instant(rs, "created_at")))
        .list();
  }

  /** The mediation meetings held when reviewers could not agree, by round. */
  public List<Mediation> mediationMeetings(long cycleId) {
    return jdbc.sql("""
            SELECT round, meeting_date, recorded_by FROM cc_mediation_meeting WHERE cycle_id = ? ORDER BY round""")
        .param(cycleId)
        .query((rs, n) -> new Mediation(rs.getInt("round"), rs.getObject("meeting_date", LocalDate.class),
            rs.getString("recorded_by")))
        .list();
  }

  /** Deletes the cycle with its reviews, answers and meetings; runs last, once nothing else refers to it. */
  @Override
  public void deleteForCycle(long cycleId) {
    jdbc.sql("""
        DELETE FROM cc_specification_answer
        WHERE review_id IN (SELECT id FROM cc_specification_review WHERE cycle_id = ?)""").param(cycleId).update();
    jdbc.sql("DELETE FROM cc_specification_review WHERE cycle_id = ?").param(cycleId).update();
    jdbc.sql("DELETE FROM cc_mediation_meeting WHERE cycle_id = ?").param(cycleId).update();
    jdbc.sql("DELETE FROM cc_cycle WHERE id = ?").param(cycleId).update();
  }

  /** A cycle as listed for auditors and for retention: what it is, where it stands, how it ended. */
  public record CycleSummary(long id, String title, String serviceArea, String commissioner, String status,
      String processInstanceId, Instant startedAt, Instant endedAt, String reviewOutcome, String reviewReason,
      String cancellationReason) {}

  /** One reviewer's decision on one draft. */
  public record SpecificationReview(int round, String reviewer, String decision, Instant at) {}

  /** One mediation meeting. */
  public record Mediation(int round, LocalDate meetingDate, String recordedBy) {}

  private CycleSummary mapSummary(ResultSet rs, int row) throws SQLException {
    return new CycleSummary(rs.getLong("id"), rs.getString("title"), rs.getString("service_area"),
        rs.getString("commissioner"), rs.getString("status"), rs.getString("process_instance_id"),
        instant(rs, "created_at"), instant(rs, "ended_at"), rs.getString("review_outcome"),
        rs.getString("review_reason"), rs.getString("cancellation_reason"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }

  private void update(String sql, Object... params) {
    int rows = jdbc.sql(sql).params(params).update();
    if (rows != 1) {
      throw new IllegalStateException("Expected to change one cycle, changed " + rows);
    }
  }

  private static Timestamp now() {
    return Timestamp.from(ProcessClock.now().toInstant());
  }

  /** What the cycle's stages decided so far, as messages tell it. */
  public record StageFacts(long id, String title, String timeline, String needsSummary, String specificationSummary,
      String reviewOutcome, String reviewReason, String cancellationReason) {}

  public Optional<StageFacts> stageFacts(long cycleId) {
    return jdbc.sql("""
            SELECT id, title, timeline, needs_summary, specification_summary, review_outcome, review_reason,
              cancellation_reason
            FROM cc_cycle WHERE id = ?""")
        .param(cycleId)
        .query((rs, n) -> new StageFacts(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
        .optional();
  }

  @Override
  public Optional<CycleOutline> outline(long cycleId) {
    return jdbc.sql("""
            SELECT id, title, timeline, cancellation_reason, involvement_purpose, recompense_offer
            FROM cc_cycle WHERE id = ?""")
        .param(cycleId)
        .query((rs, n) -> new CycleOutline(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6)))
        .optional();
  }
}
