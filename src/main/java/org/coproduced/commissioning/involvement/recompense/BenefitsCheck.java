package org.coproduced.commissioning.involvement.recompense;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An expert's payments and vouchers within the benefits period, against the threshold that may
 * affect their benefits.
 *
 * @param from first day of the period
 * @param to last day of the period
 * @param total payments and vouchers (not training credit, not expenses) for sessions in the period
 * @param warningAmount the total at which the coordinator is warned
 * @param threshold the total that may affect benefits
 */
public record BenefitsCheck(LocalDate from, LocalDate to, BigDecimal total, BigDecimal warningAmount,
    BigDecimal threshold) {

  private static final java.time.format.DateTimeFormatter DAY =
      java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK);

  /** The coordinator should offer benefits advice before more is paid. */
  public boolean warn() {
    return total.compareTo(warningAmount) >= 0;
  }

  /** Payments have reached the threshold itself. */
  public boolean reached() {
    return total.compareTo(threshold) >= 0;
  }

  /** Plain English for the coordinator, or an empty text when there is nothing to say. */
  public String message() {
    if (!warn()) {
      return "";
    }
    return "£" + total.toPlainString() + " paid or owed in payments and vouchers between " + DAY.format(from) + " and "
        + DAY.format(to)
        + (reached() ? ": this has reached " : ": this is close to ")
        + "the £" + threshold.toPlainString() + " that may affect benefits. Offer independent benefits advice "
        + "before paying more; they may prefer training credit or a pause in payments.";
  }
}
