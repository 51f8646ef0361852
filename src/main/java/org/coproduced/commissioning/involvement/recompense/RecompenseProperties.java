package org.coproduced.commissioning.involvement.recompense;

import java.math.BigDecimal;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the coordinator is warned that an expert's payments may affect their benefits.
 *
 * @param benefitsThreshold payments and vouchers, in pounds, within one period that may affect
 *     an expert's benefits
 * @param benefitsPeriod the period those payments are added up over (ISO 8601, for example P52W)
 * @param benefitsWarningShare warn when the total reaches this share of the threshold (0.8 = 80%)
 */
@ConfigurationProperties("coproduction.recompense")
public record RecompenseProperties(
    @DefaultValue("1000") BigDecimal benefitsThreshold,
    @DefaultValue("P52W") Period benefitsPeriod,
    @DefaultValue("0.8") BigDecimal benefitsWarningShare) {

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
  }

  /** The total at which the coordinator is warned. */
  public BigDecimal warningAmount() {
    return benefitsThreshold.multiply(benefitsWarningShare).setScale(2, java.math.RoundingMode.HALF_UP);
  }
}
