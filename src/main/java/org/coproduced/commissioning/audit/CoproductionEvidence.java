package org.coproduced.commissioning.audit;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.coproduced.commissioning.schedule.ScheduleProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The coproduction evidence of cycles, from the application's own tables: gates and the notice
 * experts had, each contribution (by reference) and what became of it, feedback per contributor,
 * decisions and recompense. Contributors appear by their pseudonymous reference only, and nothing
 * an expert wrote in their own words is read here.
 */
@Repository
public class CoproductionEvidence {

  private final JdbcClient jdbc;
  private final ScheduleProperties schedule;

  public CoproductionEvidence(JdbcClient jdbc, ScheduleProperties schedule) {
    this.jdbc = jdbc;
    this.schedule = schedule;
  }

  public List<CycleRow> cycles() {
    return jdbc.sql(CYCLE_SELECT + " ORDER BY id DESC").query(this::cycleRow).list();
  }

  public Optional<CycleRow> cycle(long cycleId) {
    return jdbc.sql(CYCLE_SELECT + " WHERE id = ?").param(cycleId).query(this::cycleRow).optional();
  }

  public Optional<CycleRow> cycleByProcessInstance(String processInstanceId) {
    return jdbc.sql(CYCLE_SELECT + " WHERE process_instance_id = ?").param(processInstanceId)
        .query(this::cycleRow).optional();
  }

  private static final String CYCLE_SELECT = """
      SELECT id, title, service_area, commissioner, status, process_instance_id, created_at, ended_at,
        review_outcome, review_reason, cancellation_reason
      FROM cc_cycle""";

  private CycleRow cycleRow(ResultSet rs, int row) throws SQLException {
    return new CycleRow(rs.getLong("id"), rs.getString("title"), rs.getString("service_area"),
        rs.getString("commissioner"), rs.getString("status"), rs.getString("process_instance_id"),
        instant(rs, "created_at"), instant(rs, "ended_at"), rs.getString("review_outcome"),
        rs.getString("review_reason"), rs.getString("cancellation_reason"));
  }

  /** Every involvement request of the cycle: its gate, the notice given and who took part. */
  public List<Gate> gates(long cycleId) {
    int minimum = schedule.minimumNoticeWorkingDays();
    return jdbc.sql("""
            SELECT r.id, r.stage, r.involvement_kind, r.status, r.session_date, r.notice_working_days,
              r.notice_exception_reason, r.places, r.process_instance_id, r.created_at,
              (SELECT COUNT(*) FROM cc_invitation i WHERE i.request_id = r.id AND i.invited_at IS NOT NULL) AS invited,
              (SELECT COUNT(*) FROM cc_invitation i WHERE i.request_id = r.id AND i.status = 'ACCEPTED') AS accepted,
              (SELECT COUNT(*) FROM cc_invitation i WHERE i.request_id = r.id AND i.attended = TRUE) AS attended,
              (SELECT COALESCE(SUM(i.hours_given), 0) FROM cc_invitation i
                WHERE i.request_id = r.id AND i.attended = TRUE) AS hours
            FROM cc_involvement_request r WHERE r.cycle_id = ? ORDER BY r.id""")
        .param(cycleId)
        .query((rs, n) -> new Gate(rs.getLong("id"), rs.getString("stage"), rs.getString("involvement_kind"),
            rs.getString("status"), "COMPLETED".equals(rs.getString("status")),
            rs.getObject("session_date", LocalDate.class), rs.getInt("notice_working_days"), minimum,
            rs.getInt("notice_working_days") >= minimum, rs.getString("notice_exception_reason"),
            rs.getInt("places"), rs.getInt("invited"), rs.getInt("accepted"), rs.getInt("attended"),
            rs.getInt("hours"), rs.getString("process_instance_id"), instant(rs, "created_at")))
        .list();
  }

  /** Each contribution by reference, who made it (pseudonymously) and what became of it. */
  public List<ContributionFate> contributions(long cycleId) {
    return jdbc.sql("""
            SELECT c.id, e.ref, c.stage, c.use_in_needs, c.answer_outcome, c.what_changed, c.why_decided,
              c.needs_rewording, c.created_at, c.answered_at
            FROM cc_contribution c JOIN cc_expert e ON e.id = c.expert_id
            WHERE c.cycle_id = ? ORDER BY c.id""")
        .param(cycleId)
        .query((rs, n) -> new ContributionFate("C-" + rs.getLong("id"), rs.getString("ref"), rs.getString("stage"),
            rs.getString("use_in_needs"),
            rs.getBoolean("needs_rewording") ? null : rs.getString("answer_outcome"),
            rs.getString("what_changed"), rs.getString("why_decided"), instant(rs, "created_at"),
            instant(rs, "answered_at")))
        .list();
  }

  /** Feedback per contributor: acknowledged, attested or waiting, and how long it took. */
  public List<FeedbackRecord> feedback(long cycleId) {
    return jdbc.sql("""
            SELECT e.ref, f.status, f.delivery_method, f.created_at, f.completed_at,
              (SELECT MAX(c.answered_at) FROM cc_contribution c
                WHERE c.cycle_id = x.cycle_id AND c.expert_id = x.expert_id) AS decided_at
            FROM (SELECT DISTINCT cycle_id, expert_id FROM cc_contribution WHERE cycle_id = ?) x
            JOIN cc_expert e ON e.id = x.expert_id
            LEFT JOIN cc_feedback f ON f.cycle_id = x.cycle_id AND f.expert_id = x.expert_id
            ORDER BY e.ref""")
        .param(cycleId)
        .query((rs, n) -> {
          String status = rs.getString("status");
          Instant decidedAt = instant(rs, "decided_at");
          Instant sentAt = instant(rs, "created_at");
          Instant completedAt = instant(rs, "completed_at");
          return new FeedbackRecord(rs.getString("ref"), status == null ? "NOT_YET_SENT" : status,
              rs.getString("delivery_method"), decidedAt, sentAt, completedAt, days(decidedAt, completedAt),
              days(sentAt, completedAt));
        })
        .list();
  }

  /** What the cycle owes its experts, by kind of recompense. */
  public List<RecompenseTotal> recompense(long cycleId) {
    return jdbc.sql("""
            SELECT r.kind, COUNT(*) AS entries, COALESCE(SUM(r.hours), 0) AS hours,
              COALESCE(SUM(r.amount), 0) AS amount, COALESCE(SUM(r.expenses), 0) AS expenses
            FROM cc_recompense r JOIN cc_involvement_request q ON q.id = r.request_id
            WHERE q.cycle_id = ? GROUP BY r.kind ORDER BY r.kind""")
        .param(cycleId)
        .query((rs, n) -> new RecompenseTotal(rs.getString("kind"), rs.getInt("entries"), rs.getInt("hours"),
            rs.getBigDecimal("amount"), rs.getBigDecimal("expenses")))
        .list();
  }

  /** The decisions taken with experts: specification reviews, mediation, scores and the award. */
  public Decisions decisions(long cycleId) {
    List<SpecificationReview> reviews = jdbc.sql("""
            SELECT round, reviewer_ref, decision, created_at FROM cc_specification_review
            WHERE cycle_id = ? ORDER BY round, reviewer_ref""")
        .param(cycleId)
        .query((rs, n) -> new SpecificationReview(rs.getInt("round"), rs.getString("reviewer_ref"),
            rs.getString("decision"), instant(rs, "created_at")))
        .list();
    List<Mediation> mediations = jdbc.sql("""
            SELECT round, meeting_date, recorded_by FROM cc_mediation_meeting WHERE cycle_id = ? ORDER BY round""")
        .param(cycleId)
        .query((rs, n) -> new Mediation(rs.getInt("round"), rs.getObject("meeting_date", LocalDate.class),
            rs.getString("recorded_by")))
        .list();
    List<Declaration> declarations = jdbc.sql("""
            SELECT evaluator_ref, has_conflict, created_at FROM cc_interest_declaration
            WHERE cycle_id = ? ORDER BY evaluator_ref""")
        .param(cycleId)
        .query((rs, n) -> new Declaration(rs.getString("evaluator_ref"), rs.getBoolean("has_conflict"),
            instant(rs, "created_at")))
        .list();
    List<BidRecord> bids = jdbc.sql("""
            SELECT id, slot, bidder_name, price, quality_score, coproduction_score, social_value_score, price_score
            FROM cc_bid WHERE cycle_id = ? ORDER BY slot""")
        .param(cycleId)
        .query((rs, n) -> new BidRecord(rs.getLong("id"), rs.getString("bidder_name"), rs.getBigDecimal("price"),
            integer(rs, "quality_score"), integer(rs, "coproduction_score"), integer(rs, "social_value_score"),
            integer(rs, "price_score")))
        .list();
    List<ScoreRecord> scores = jdbc.sql("""
            SELECT b.bidder_name, s.evaluator_ref, s.quality_score, s.coproduction_score, s.social_value_score,
              s.price_score, s.created_at
            FROM cc_bid_score s JOIN cc_bid b ON b.id = s.bid_id WHERE b.cycle_id = ? ORDER BY b.slot, s.evaluator_ref""")
        .param(cycleId)
        .query((rs, n) -> new ScoreRecord(rs.getString("bidder_name"), rs.getString("evaluator_ref"),
            rs.getInt("quality_score"), rs.getInt("coproduction_score"), rs.getInt("social_value_score"),
            rs.getInt("price_score"), instant(rs, "created_at")))
        .list();
    Award award = jdbc.sql("""
            SELECT t.notice_reference, t.closing_date, t.quality_weighting, t.coproduction_weighting,
              t.social_value_weighting, t.price_weighting, b.bidder_name, t.panel_agrees, t.reason_for_experts,
              t.contract_reference, t.contract_start_date
            FROM cc_tender t LEFT JOIN cc_bid b ON b.id = t.winning_bid_id WHERE t.cycle_id = ?""")
        .param(cycleId)
        .query((rs, n) -> new Award(rs.getString("notice_reference"), rs.getObject("closing_date", LocalDate.class),
            rs.getInt("quality_weighting"), rs.getInt("coproduction_weighting"), rs.getInt("social_value_weighting"),
            rs.getInt("price_weighting"), rs.getString("bidder_name"), (Boolean) rs.getObject("panel_agrees"),
            rs.getString("reason_for_experts"), rs.getString("contract_reference"),
            rs.getObject("contract_start_date", LocalDate.class)))
        .optional().orElse(null);
    return new Decisions(reviews, mediations, declarations, bids, scores, award);
  }

  /** Hours each expert in the pool has given in sessions, by pseudonymous reference. */
  public List<ExpertHours> hoursPerExpert() {
    return jdbc.sql("""
            SELECT e.ref,
              COALESCE((SELECT SUM(i.hours_given) FROM cc_invitation i WHERE i.expert_id = e.id AND i.attended = TRUE), 0)
                AS hours,
              (SELECT COUNT(*) FROM cc_invitation i WHERE i.expert_id = e.id AND i.attended = TRUE) AS sessions
            FROM cc_expert e WHERE e.erased = FALSE ORDER BY e.ref""")
        .query((rs, n) -> new ExpertHours(rs.getString("ref"), rs.getInt("hours"), rs.getInt("sessions")))
        .list();
  }

  static Double days(Instant from, Instant to) {
    if (from == null || to == null) {
      return null;
    }
    double days = Duration.between(from, to).toMinutes() / (60.0 * 24);
    return Math.round(days * 10) / 10.0;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static Integer integer(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  /** A cycle as the application records it. */
  public record CycleRow(long id, String title, String serviceArea, String commissioner, String status,
      String processInstanceId, Instant startedAt, Instant endedAt, String reviewOutcome, String reviewReason,
      String cancellationReason) {}

  /** One involvement gate: whether it was passed, the notice given against the minimum, and attendance. */
  public record Gate(long requestId, String stage, String kind, String status, boolean passed, LocalDate sessionDate,
      int noticeWorkingDays, int minimumNoticeWorkingDays, boolean noticeMet, String shortNoticeReason, int places,
      int invited, int accepted, int attended, int hours, String processInstanceId, Instant requestedAt) {}

  /** One contribution and what became of it; {@code outcome} is null until it is answered. */
  public record ContributionFate(String ref, String contributor, String stage, String usedInNeedsAssessment,
      String outcome, String whatChanged, String whyDecided, Instant recordedAt, Instant answeredAt) {}

  /** A contributor's feedback: status, channel and how long it took. */
  public record FeedbackRecord(String contributor, String status, String deliveryMethod, Instant decidedAt,
      Instant sentAt, Instant completedAt, Double daysFromDecision, Double daysFromSending) {}

  /** Recompense owed for the cycle, for one kind (payment, voucher, training, none). */
  public record RecompenseTotal(String kind, int entries, int hours, BigDecimal amount, BigDecimal expenses) {}

  public record Decisions(List<SpecificationReview> specificationReviews, List<Mediation> mediationMeetings,
      List<Declaration> interestDeclarations, List<BidRecord> bids, List<ScoreRecord> scores, Award award) {}

  public record SpecificationReview(int round, String reviewer, String decision, Instant at) {}

  public record Mediation(int round, LocalDate meetingDate, String recordedBy) {}

  public record Declaration(String evaluator, boolean conflict, Instant at) {}

  /** A bid with the panel's agreed (moderated) scores. */
  public record BidRecord(long id, String bidder, BigDecimal price, Integer quality, Integer coproduction,
      Integer socialValue, Integer priceScore) {}

  public record ScoreRecord(String bidder, String evaluator, int quality, int coproduction, int socialValue,
      int price, Instant at) {}

  public record Award(String noticeReference, LocalDate closingDate, int qualityWeighting, int coproductionWeighting,
      int socialValueWeighting, int priceWeighting, String winningBidder, Boolean panelAgrees,
      String reasonForExperts, String contractReference, LocalDate contractStartDate) {}

  public record ExpertHours(String contributor, int hours, int sessions) {}
}
