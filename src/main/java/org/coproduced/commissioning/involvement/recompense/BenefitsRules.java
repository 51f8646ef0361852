package org.coproduced.commissioning.involvement.recompense;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.coproduced.commissioning.experts.Expert;
import org.coproduced.commissioning.involvement.InvolvementRequest;
import org.coproduced.commissioning.involvement.recompense.RecompenseRates.Rate;
import org.springframework.stereotype.Component;

/**
 * When payments may affect an expert's benefits: payments and vouchers are added up over the
 * benefits period, and the coordinator is warned as they approach the threshold, before a session
 * rather than after it. The amounts come from the ledger; the period and threshold are settings.
 */
@Component
public class BenefitsRules {

  private final RecompenseLedger ledger;
  private final RecompenseRates rates;
  private final RecompenseProperties properties;

  public BenefitsRules(RecompenseLedger ledger, RecompenseRates rates, RecompenseProperties properties) {
    this.ledger = ledger;
    this.rates = rates;
    this.properties = properties;
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
    LocalDate from = periodFrom(asOf);
    return check(from, asOf, ledger.paymentsAndVouchersBetween(expertId, from, asOf).add(expected));
  }

  /**
   * {@link #benefitsCheck(long, LocalDate)} for every expert at once, as the pool page lists them:
   * one query for the whole pool. An expert who was paid nothing in the period is absent; {@link
   * #nothingPaid} is their check.
   */
  public Map<Long, BenefitsCheck> benefitsChecks(LocalDate asOf) {
    LocalDate from = periodFrom(asOf);
    Map<Long, BenefitsCheck> checks = new HashMap<>();
    ledger.paymentsAndVouchersByExpertBetween(from, asOf).forEach((expertId, total) ->
        checks.put(expertId, check(from, asOf, total)));
    return checks;
  }

  /** The check of an expert with no payments or vouchers in the period ending on {@code asOf}. */
  public BenefitsCheck nothingPaid(LocalDate asOf) {
    return check(periodFrom(asOf), asOf, BigDecimal.ZERO);
  }

  private LocalDate periodFrom(LocalDate asOf) {
    return asOf.minus(properties.benefitsPeriod()).plusDays(1);
  }

  private BenefitsCheck check(LocalDate from, LocalDate asOf, BigDecimal total) {
    return new BenefitsCheck(from, asOf, total.setScale(2, RoundingMode.HALF_UP),
        properties.warningAmount(), properties.benefitsThreshold().setScale(2, RoundingMode.HALF_UP));
  }

  /**
   * The refs of the experts among {@code invited} whose payments and vouchers, with what this
   * session would add, reach the warning amount: the coordinator offers them benefits advice
   * before the session.
   */
  public List<String> benefitsCheckDue(Collection<Expert> invited, InvolvementRequest request) {
    Rate session = rates.expectedRate(request.stage(), request.sessionFormat(), request.durationHours(), 0);
    return invited.stream().distinct()
        .filter(expert -> countsForBenefits(expert.recompensePreference()))
        .filter(expert -> benefitsCheck(expert.id(), request.sessionDate(), session.amount()).warn())
        .map(Expert::ref).sorted().toList();
  }

  /** Payments and vouchers may count as income for benefits; training credit is not paid to them. */
  public static boolean countsForBenefits(String recompensePreference) {
    return recompensePreference == null || "payment".equals(recompensePreference)
        || "voucher".equals(recompensePreference);
  }
}
