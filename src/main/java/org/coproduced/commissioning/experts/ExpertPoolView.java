package org.coproduced.commissioning.experts;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The coordinators' view of the pool: who is active, whose consent or wellbeing review is due, and
 * the hours each person gave in the last 90 days.
 */
@Component
public class ExpertPoolView {

  /** Hours are counted over the same window as the fair-share cap. */
  public static final int HOURS_WINDOW_DAYS = 90;

  private final ExpertRepository experts;
  private final SessionHours sessionHours;
  private final ExpertPoolProperties properties;

  public ExpertPoolView(ExpertRepository experts, SessionHours sessionHours, ExpertPoolProperties properties) {
    this.experts = experts;
    this.sessionHours = sessionHours;
    this.properties = properties;
  }

  /** One expert as the pool page lists them. */
  public record Row(Expert expert, int hoursLast90Days, boolean consentReviewDue, boolean wellbeingReviewDue) {

    public boolean active() {
      return !expert.erased() && expert.status() == ExpertStatus.ACTIVE;
    }
  }

  /** Everyone, by reference; erased experts appear by reference only. */
  public List<Row> rows(LocalDate today) {
    Map<Long, Integer> hours = sessionHours.byExpertBetween(today.minusDays(HOURS_WINDOW_DAYS - 1L), today);
    LocalDate dueBy = today.plusDays(properties.reviewDueWithinDays());
    return experts.findAll().stream()
        .map(e -> new Row(e, hours.getOrDefault(e.id(), 0),
            isDue(e, e.consentReviewOn(), dueBy), isDue(e, e.wellbeingReviewOn(), dueBy)))
        .toList();
  }

  public int reviewDueWithinDays() {
    return properties.reviewDueWithinDays();
  }

  private static boolean isDue(Expert expert, LocalDate reviewOn, LocalDate dueBy) {
    if (expert.erased() || expert.status() == ExpertStatus.LEFT) {
      return false;
    }
    return reviewOn == null || !reviewOn.isAfter(dueBy);
  }
}
