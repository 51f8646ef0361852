package org.coproduced.commissioning.stepback;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import org.coproduced.commissioning.schedule.IsoPeriods;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long experts have for their tasks, when they are reminded, and how small a scoring panel may
 * get before a coordinator finds someone else. Durations are ISO 8601 ({@code P10D}, {@code PT10M}).
 *
 * @param reviewSpecificationDueAfter time to review the service specification
 * @param declareInterestsDueAfter time to declare any conflict of interest
 * @param scoreBidDueAfter time to score a bid
 * @param reminderBefore how long before the due date the expert is reminded
 * @param scoringPanelMinimum fewest panel members (at least one of them an expert) the scoring
 *     goes on with; below it the coordinators are asked to find someone else
 */
@ConfigurationProperties("coproduction.expert-tasks")
public record ExpertTaskProperties(
    String reviewSpecificationDueAfter,
    String declareInterestsDueAfter,
    String scoreBidDueAfter,
    String reminderBefore,
    int scoringPanelMinimum) {

  /** The expert tasks that get a due date, a reminder and a coordinator when it passes. */
  public static final String REVIEW_SPECIFICATION = "Activity_ReviewSpecification";
  public static final String DECLARE_INTERESTS = "Activity_DeclareInterests";
  public static final String SCORE_BID = "Activity_ScoreBid";

  public ExpertTaskProperties {
    for (String period : new String[] {reviewSpecificationDueAfter, declareInterestsDueAfter, scoreBidDueAfter,
        reminderBefore}) {
      IsoPeriods.plus(ZonedDateTime.now(), period); // a clear error at start-up, not when a task is made
    }
    if (scoringPanelMinimum < 1) {
      throw new IllegalArgumentException("coproduction.expert-tasks.scoring-panel-minimum must be at least 1");
    }
  }

  /** When a task of this kind, created at {@code created}, is due; empty for tasks without one here. */
  public Optional<ZonedDateTime> dueDate(String taskKind, ZonedDateTime created) {
    String period = Map.of(REVIEW_SPECIFICATION, reviewSpecificationDueAfter, DECLARE_INTERESTS,
        declareInterestsDueAfter, SCORE_BID, scoreBidDueAfter).get(taskKind);
    return Optional.ofNullable(period).map(p -> IsoPeriods.plus(created, p));
  }

  /** When to remind the expert of a task due at {@code due}: never before the task was created. */
  public ZonedDateTime reminderDate(ZonedDateTime created, ZonedDateTime due) {
    ZonedDateTime remind = due.minus(Duration.between(due, IsoPeriods.plus(due, reminderBefore)));
    return remind.isBefore(created) ? created : remind;
  }
}
