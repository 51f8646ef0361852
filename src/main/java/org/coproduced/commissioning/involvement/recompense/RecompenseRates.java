package org.coproduced.commissioning.involvement.recompense;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.variable.Variables;
import org.coproduced.commissioning.experts.AsApplication;
import org.coproduced.commissioning.involvement.matching.MatchingProperties;
import org.springframework.stereotype.Component;

/**
 * What a session's time is worth: the decision table {@code recompense-rate}
 * ({@code processes/recompense-rate.dmn}) at the hourly rate the application is set to pay. The
 * table is the rule; this class only asks it, so the rule can change without a release.
 */
@Component
public class RecompenseRates {

  public static final String DECISION = "recompense-rate";

  /** Enough for every stage, format and length a form offers; beyond it the memory starts again. */
  private static final int EXPECTED_RATES_KEPT = 500;

  private final DecisionService decisions;
  private final RepositoryService repository;
  private final MatchingProperties matching;
  private final Map<RateInputs, Rate> expectedRates = new ConcurrentHashMap<>();

  public RecompenseRates(DecisionService decisions, RepositoryService repository, MatchingProperties matching) {
    this.decisions = decisions;
    this.repository = repository;
    this.matching = matching;
  }

  /** The value of a session's time, from the decision table. */
  public record Rate(BigDecimal paidHours, BigDecimal amount, String basis) {}

  /** What the decision table is asked, and which version of it answers. */
  private record RateInputs(String decisionId, String stage, String sessionFormat, int durationHours,
      int preparationHours) {}

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

  private static BigDecimal money(Object value) {
    return new BigDecimal(String.valueOf(value)).setScale(2, RoundingMode.HALF_UP);
  }
}
