package org.coproduced.commissioning.involvement.recompense;

import org.coproduced.commissioning.involvement.InvolvementRequest;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.involvement.matching.MatchingProperties;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.variable.Variables;
import org.coproduced.commissioning.experts.AsApplication;
import org.coproduced.commissioning.experts.Expert;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What each expert is owed and was paid for their time (table {@code cc_recompense}). The value of
 * a session comes from the decision table {@code recompense-rate} ({@code processes/recompense-rate.dmn});
 * each expert receives it in the form they chose (payment, voucher or training credit), or nothing
 * if they chose so. Approved expenses are always repaid. Payments and vouchers are added up over
 * the benefits period, so the coordinator is warned before they could affect someone's benefits.
 */
@Repository
public class RecompenseLedger {

  public static final String DECISION = "recompense-rate";

  private static final String SELECT = """
      SELECT r.id, r.expert_id, e.ref, r.request_id, COALESCE(r.session_date, q.session_date) AS session_date, r.kind,
        r.hours, r.preparation_hours, r.paid_hours, r.amount, r.basis, r.expenses_travel, r.expenses_childcare,
        r.expenses_subsistence, r.expenses, r.expenses_approved_by, r.status, r.paid_on, r.paid_by
      FROM cc_recompense r JOIN cc_expert e ON e.id = r.expert_id
      JOIN cc_involvement_request q ON q.id = r.request_id""";

  private final JdbcClient jdbc;
  private final InvitationRepository invitations;
  private final InvolvementRequestRepository requests;
  private final ExpertRepository experts;
  private final DecisionService decisions;
  private final RepositoryService repository;
  private final MatchingProperties matching;
  private final RecompenseProperties properties;
  private final Map<RateInputs, Rate> expectedRates = new ConcurrentHashMap<>();

  public RecompenseLedger(JdbcClient jdbc, InvitationRepository invitations, InvolvementRequestRepository requests,
      ExpertRepository experts, DecisionService decisions, RepositoryService repository,
      MatchingProperties matching, RecompenseProperties properties) {
    this.jdbc = jdbc;
    this.invitations = invitations;
    this.requests = requests;
    this.experts = experts;
    this.decisions = decisions;
    this.repository = repository;
    this.matching = matching;
    this.properties = properties;
  }

  /** The value of a session's time, from the decision table. */
  public record Rate(BigDecimal paidHours, BigDecimal amount, String basis) {}

  /** What the decision table is asked, and which version of it answers. */
  private record RateInputs(String decisionId, String stage, String sessionFormat, int durationHours,
      int preparationHours) {}

  /** Enough for every stage, format and length a form offers; beyond it the memory starts again. */
  private static final int EXPECTED_RATES_KEPT = 500;

  /**
   * Evaluates {@code recompense-rate} for a session. It is the application's rule, not a person's
   * action, so it runs whoever completed the task that led here.
   */
  public Rate rate(String stage, String sessionFormat, int durationHours, int preparationHours) {
    Map<String, Object> variables = Variables.createVariables()
        .putValue("stage", stage)
        .putValue("sessionFormat", sessionFormat)
        .putValue("durationHours", durationHours)
        .putValue("preparationHours", preparationHours)
        .putValue("hourlyRate", matching.hourlyRate().doubleValue());
    DmnDecisionResultEntries result = AsApplication.call(() ->
        decisions.evaluateDecisionByKey(DECISION).variables(variables).evaluate().getSingleResult());
    if (result == null) {
      throw new IllegalStateException("The decision table " + DECISION + " has no rule for " + stage + ", "
          + sessionFormat + ", " + durationHours + " hours and " + preparationHours + " hours preparing");
    }
    return new Rate(money(result.getEntry("paidHours")), money(result.getEntry("amount")),
        result.getEntry("basis"));
  }

  /**
   * What a session will be worth, for forms and summaries that warn before it happens. The
   * answer depends only on the inputs and the deployed version of the decision table, so each is
   * evaluated once per version: showing a figure in a form is not a decision, and Cockpit's
   * decision history keeps only the evaluations that set what an expert is owed.
   */
  public Rate expectedRate(String stage, String sessionFormat, int durationHours, int preparationHours) {
    String decisionId = AsApplication.call(() -> repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(DECISION).latestVersion().singleResult().getId());
    RateInputs inputs = new RateInputs(decisionId, stage, sessionFormat, durationHours, preparationHours);
    Rate known = expectedRates.get(inputs);
    if (known != null) {
      return known;
    }
    Rate rate = rate(stage, sessionFormat, durationHours, preparationHours);
    if (expectedRates.size() >= EXPECTED_RATES_KEPT) {
      expectedRates.clear();
    }
    expectedRates.put(inputs, rate);
    return rate;
  }

  /**
   * Adds an entry for each expert who took part, and for anyone who did not but has approved
   * expenses to repay; a retried call adds nothing twice. Experts who gave the same hours share
   * one evaluation of the decision table.
   */
  public void recordOwed(long requestId) {
    InvolvementRequest request = requests.get(requestId);
    Map<List<Integer>, Rate> rates = new HashMap<>();
    for (InvitationRepository.Recompensable owed : invitations.recompensable(requestId)) {
      Expert expert = experts.findById(owed.expertId()).orElseThrow();
      String kind = expert.recompensePreference() == null ? "payment" : expert.recompensePreference();
      BigDecimal paidHours = BigDecimal.ZERO.setScale(2);
      BigDecimal amount = BigDecimal.ZERO.setScale(2);
      String basis;
      if (!owed.attended()) {
        basis = "Did not take part: expenses only";
      } else if ("none".equals(kind)) {
        basis = "They chose not to receive recompense";
      } else {
        Rate rate = rates.computeIfAbsent(List.of(owed.hours(), owed.preparationHours()),
            hours -> rate(request.stage(), request.sessionFormat(), hours.get(0), hours.get(1)));
        paidHours = rate.paidHours();
        amount = rate.amount();
        basis = rate.basis();
      }
      jdbc.sql("""
              INSERT INTO cc_recompense (expert_id, request_id, session_date, kind, hours, preparation_hours, paid_hours,
                amount, basis, expenses_travel, expenses_childcare, expenses_subsistence, expenses, expenses_approved_by,
                status, created_at)
              SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OWED', ? WHERE NOT EXISTS
                (SELECT 1 FROM cc_recompense WHERE expert_id = ? AND request_id = ?)""")
          .params(expert.id(), requestId, request.sessionDate(), kind.toUpperCase(java.util.Locale.ROOT),
              owed.hours(), owed.preparationHours(), paidHours, amount, basis, owed.travel(), owed.childcare(),
              owed.subsistence(), owed.expenses(), owed.expensesApprovedBy(),
              Timestamp.from(ProcessClock.now().toInstant()), expert.id(), requestId)
          .update();
    }
  }

  public BigDecimal totalOwedFor(long requestId) {
    return jdbc.sql("SELECT COALESCE(SUM(amount + expenses), 0) FROM cc_recompense WHERE request_id = ?")
        .param(requestId).query(BigDecimal.class).single();
  }

  /** Every entry of an expert, newest session first. */
  public List<LedgerEntry> entriesFor(long expertId) {
    return jdbc.sql(SELECT + " WHERE r.expert_id = ? ORDER BY session_date DESC, r.id DESC")
        .param(expertId).query(this::map).list();
  }

  public List<LedgerEntry> entriesForRequest(long requestId) {
    return jdbc.sql(SELECT + " WHERE r.request_id = ? ORDER BY e.ref").param(requestId).query(this::map).list();
  }

  public Optional<LedgerEntry> findEntry(long entryId) {
    return jdbc.sql(SELECT + " WHERE r.id = ?").param(entryId).query(this::map).optional();
  }

  /** What is still to pay an expert: time and expenses. */
  public BigDecimal owedTo(long expertId) {
    return jdbc.sql("SELECT COALESCE(SUM(amount + expenses), 0) FROM cc_recompense WHERE expert_id = ? AND status = 'OWED'")
        .param(expertId).query(BigDecimal.class).single().setScale(2, RoundingMode.HALF_UP);
  }

  /** Records that an owed entry was paid (or the voucher or training credit given). */
  public boolean markPaid(long entryId, LocalDate paidOn, String paidBy) {
    return jdbc.sql("UPDATE cc_recompense SET status = 'PAID', paid_on = ?, paid_by = ? WHERE id = ? AND status = 'OWED'")
        .params(paidOn, paidBy, entryId).update() == 1;
  }

  /** Payments and vouchers for sessions in the benefits period that ends on {@code asOf}. */
  public BenefitsCheck benefitsCheck(long expertId, LocalDate asOf) {
    return benefitsCheck(expertId, asOf, BigDecimal.ZERO);
  }

  /**
   * As {@link #benefitsCheck(long, LocalDate)}, with {@code expected} more for a session still to
   * come: so the coordinator hears before the session, not after.
   */
  public BenefitsCheck benefitsCheck(long expertId, LocalDate asOf, BigDecimal expected) {
    LocalDate from = asOf.minus(properties.benefitsPeriod()).plusDays(1);
    BigDecimal total = jdbc.sql("""
            SELECT COALESCE(SUM(r.amount), 0) FROM cc_recompense r JOIN cc_involvement_request q ON q.id = r.request_id
            WHERE r.expert_id = ? AND r.kind IN ('PAYMENT', 'VOUCHER')
              AND COALESCE(r.session_date, q.session_date) BETWEEN ? AND ?""")
        .params(expertId, from, asOf).query(BigDecimal.class).single();
    return new BenefitsCheck(from, asOf, total.add(expected).setScale(2, RoundingMode.HALF_UP),
        properties.warningAmount(), properties.benefitsThreshold().setScale(2, RoundingMode.HALF_UP));
  }

  /**
   * The refs of the experts among {@code invited} whose payments and vouchers, with what this
   * session would add, reach the warning amount: the coordinator offers them benefits advice
   * before the session.
   */
  public List<String> benefitsCheckDue(Collection<Expert> invited, InvolvementRequest request) {
    Rate session = expectedRate(request.stage(), request.sessionFormat(), request.durationHours(), 0);
    return invited.stream().distinct()
        .filter(expert -> countsForBenefits(expert.recompensePreference()))
        .filter(expert -> benefitsCheck(expert.id(), request.sessionDate(), session.amount()).warn())
        .map(Expert::ref).sorted().toList();
  }

  /** What these requests' sessions owe, added up per request and kind of recompense. */
  public List<RecompenseSum> sumsByRequestAndKind(Collection<Long> requestIds) {
    if (requestIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
            SELECT request_id, kind, COUNT(*) AS entries, COALESCE(SUM(hours), 0) AS hours,
              COALESCE(SUM(amount), 0) AS amount, COALESCE(SUM(expenses), 0) AS expenses
            FROM cc_recompense WHERE request_id IN (:requests) GROUP BY request_id, kind ORDER BY request_id, kind""")
        .param("requests", requestIds)
        .query((rs, n) -> new RecompenseSum(rs.getLong("request_id"), rs.getString("kind"), rs.getInt("entries"),
            rs.getInt("hours"), rs.getBigDecimal("amount"), rs.getBigDecimal("expenses")))
        .list();
  }

  /** Deletes the entries of these requests, paid or not. */
  public void deleteForRequests(Collection<Long> requestIds) {
    if (!requestIds.isEmpty()) {
      jdbc.sql("DELETE FROM cc_recompense WHERE request_id IN (:requests)").param("requests", requestIds).update();
    }
  }

  /** One request's entries of one kind (payment, voucher, training, none), added up. */
  public record RecompenseSum(long requestId, String kind, int entries, int hours, BigDecimal amount,
      BigDecimal expenses) {}

  /** Payments and vouchers may count as income for benefits; training credit is not paid to them. */
  public static boolean countsForBenefits(String recompensePreference) {
    return recompensePreference == null || "payment".equals(recompensePreference)
        || "voucher".equals(recompensePreference);
  }

  private static BigDecimal money(Object value) {
    return new BigDecimal(String.valueOf(value)).setScale(2, RoundingMode.HALF_UP);
  }

  private LedgerEntry map(ResultSet rs, int row) throws SQLException {
    return new LedgerEntry(rs.getLong("id"), rs.getLong("expert_id"), rs.getString("ref"), rs.getLong("request_id"),
        rs.getObject("session_date", LocalDate.class), rs.getString("kind"), rs.getInt("hours"),
        rs.getInt("preparation_hours"), rs.getBigDecimal("paid_hours"), rs.getBigDecimal("amount"),
        rs.getString("basis"), rs.getBigDecimal("expenses_travel"), rs.getBigDecimal("expenses_childcare"),
        rs.getBigDecimal("expenses_subsistence"), rs.getBigDecimal("expenses"), rs.getString("expenses_approved_by"),
        rs.getString("status"), rs.getObject("paid_on", LocalDate.class), rs.getString("paid_by"));
  }
}
