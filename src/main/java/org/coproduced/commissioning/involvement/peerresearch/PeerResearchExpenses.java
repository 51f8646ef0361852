package org.coproduced.commissioning.involvement.peerresearch;

import static org.coproduced.commissioning.involvement.InvolvementVariables.*;

import java.math.BigDecimal;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository.Expenses;

/**
 * What a peer researcher paid out to gather views, as on the attendance form of a session: travel,
 * care for someone so they could go, food and drink; each up to the same limit, in pounds and pence.
 */
final class PeerResearchExpenses {

  /** The most one kind of expense can be, as for a session. */
  static final BigDecimal MOST = BigDecimal.valueOf(500);

  private PeerResearchExpenses() {}

  /** The amounts on the form; none left empty counts as nothing. */
  static Expenses read(TaskForm form) {
    return new Expenses(amount(form, EXPENSES_TRAVEL, "Travel"),
        amount(form, EXPENSES_CHILDCARE, "Childcare or care for someone else"),
        amount(form, EXPENSES_SUBSISTENCE, "Food and drink"));
  }

  private static BigDecimal amount(TaskForm form, String key, String label) {
    BigDecimal amount = form.optionalAmount(key, label, BigDecimal.ZERO, MOST);
    if (amount == null) {
      return BigDecimal.ZERO.setScale(2);
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      throw new FormInputException("\"" + label + "\" must be in pounds and pence, like 12.50.");
    }
    return amount.setScale(2);
  }
}
