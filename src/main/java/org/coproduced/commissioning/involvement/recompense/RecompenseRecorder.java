package org.coproduced.commissioning.involvement.recompense;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.coproduced.commissioning.experts.Expert;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.involvement.InvolvementRequest;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.involvement.recompense.RecompenseRates.Rate;
import org.springframework.stereotype.Component;

/**
 * What each expert is owed once a session has been held: the value of their time from
 * {@link RecompenseRates}, in the form they chose (payment, voucher or training credit), or nothing
 * if they chose so; approved expenses are always repaid. The entries go into the {@link RecompenseLedger}.
 */
@Component
public class RecompenseRecorder {

  private final RecompenseLedger ledger;
  private final RecompenseRates rates;
  private final InvitationRepository invitations;
  private final InvolvementRequestRepository requests;
  private final ExpertRepository experts;

  public RecompenseRecorder(RecompenseLedger ledger, RecompenseRates rates, InvitationRepository invitations,
      InvolvementRequestRepository requests, ExpertRepository experts) {
    this.ledger = ledger;
    this.rates = rates;
    this.invitations = invitations;
    this.requests = requests;
    this.experts = experts;
  }

  /**
   * Adds an entry for each expert who took part, and for anyone who did not but has approved
   * expenses to repay; a retried call adds nothing twice. Experts who gave the same hours share
   * one evaluation of the decision table.
   */
  public void recordOwed(long requestId) {
    InvolvementRequest request = requests.get(requestId);
    Map<List<Integer>, Rate> byHours = new HashMap<>();
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
        Rate rate = byHours.computeIfAbsent(List.of(owed.hours(), owed.preparationHours()),
            hours -> rates.rate(request.stage(), request.sessionFormat(), hours.get(0), hours.get(1)));
        paidHours = rate.paidHours();
        amount = rate.amount();
        basis = rate.basis();
      }
      ledger.addOwed(new RecompenseLedger.Owed(expert.id(), requestId, request.sessionDate(),
          kind.toUpperCase(Locale.ROOT), owed.hours(), owed.preparationHours(), paidHours, amount, basis, owed.travel(),
          owed.childcare(), owed.subsistence(), owed.expenses(), owed.expensesApprovedBy()));
    }
  }
}
