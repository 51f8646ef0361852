package org.coproduced.commissioning.involvement.recompense;

import java.math.BigDecimal;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the coordinator is warned that an expert's payments may affect their benefits, and how
 * many hours a review round or a mediation meeting is worth when nobody recorded the hours.
 *
 * @param benefitsThreshold payments and vouchers, in pounds, within one period that may affect
 *     an expert's benefits
 * @param benefitsPeriod the period those payments are added up over (ISO 8601, for example P52W)
 * @param benefitsWarningShare warn when the total reaches this share of the threshold (0.8 = 80%)
 * @param specificationReviewHours hours recompensed for one expert's review of one draft of the
 *     specification, unless the coordinator records the hours
 * @param mediationMeetingHours hours recompensed for each expert at a meeting to agree the
 *     specification, unless the coordinator records the hours
 * @param writtenContributionHours hours recompensed to an invited expert who could not come and sent
 *     their thoughts in writing or by a recording instead (once per gate)
 */
@ConfigurationProperties("coproduction.recompense")
public record RecompenseProperties(
    @DefaultValue("1000") BigDecimal benefitsThreshold,
    @DefaultValue("P52W") Period benefitsPeriod,
    @DefaultValue("0.8") BigDecimal benefitsWarningShare,
    @DefaultValue("2") int specificationReviewHours,
    @DefaultValue("2") int mediationMeetingHours,
    @DefaultValue("1") int writtenContributionHours) {

  /** The most hours one review round or one meeting may be recorded as. */
  public static final int MOST_HOURS_OF_WORK = 24;

  public RecompenseProperties {
    if (benefitsThreshold.signum() <= 0) {
      throw new IllegalArgumentException("coproduction.recompense.benefits-threshold must be more than 0");
    }
    if (benefitsWarningShare.signum() <= 0 || benefitsWarningShare.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("coproduction.recompense.benefits-warning-share must be above 0 and at most 1");
    }
    if (benefitsPeriod.isNegative() || benefitsPeriod.isZero()) {
      throw new IllegalArgumentException("coproduction.recompense.benefits-period must be a positive period, like P52W");
    }
    if (specificationReviewHours < 1 || specificationReviewHours > MOST_HOURS_OF_WORK) {
      throw new IllegalArgumentException("coproduction.recompense.specification-review-hours must be from 1 to "
          + MOST_HOURS_OF_WORK);
    }
    if (mediationMeetingHours < 1 || mediationMeetingHours > MOST_HOURS_OF_WORK) {
      throw new IllegalArgumentException("coproduction.recompense.mediation-meeting-hours must be from 1 to "
          + MOST_HOURS_OF_WORK);
    }
    if (writtenContributionHours < 1 || writtenContributionHours > MOST_HOURS_OF_WORK) {
      throw new IllegalArgumentException("coproduction.recompense.written-contribution-hours must be from 1 to "
          + MOST_HOURS_OF_WORK);
    }
  }

  /** The hours one expert is recompensed for this work when nobody recorded them. */
  public int defaultHours(RecompensedWork work) {
    return switch (work) {
      case SPECIFICATION_REVIEW -> specificationReviewHours;
      case MEDIATION_MEETING -> mediationMeetingHours;
      case WRITTEN_CONTRIBUTION -> writtenContributionHours;
      case SESSION -> throw new IllegalArgumentException("A session's hours are recorded with its attendance");
      case PEER_RESEARCH -> throw new IllegalArgumentException("A peer researcher records the hours they spent");
    };
  }

  /** The total at which the coordinator is warned. */
  public BigDecimal warningAmount() {
    return benefitsThreshold.multiply(benefitsWarningShare).setScale(2, java.math.RoundingMode.HALF_UP);
  }
}
