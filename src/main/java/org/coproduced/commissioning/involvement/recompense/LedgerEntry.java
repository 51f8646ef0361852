package org.coproduced.commissioning.involvement.recompense;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What one expert is owed, or was paid, for one session: the value of their time in the form they
 * chose, and the expenses the coordinator approved ({@code expenses} is their total).
 */
public record LedgerEntry(
    long id,
    long expertId,
    String expertRef,
    long requestId,
    LocalDate sessionDate,
    String kind,
    int hours,
    int preparationHours,
    BigDecimal paidHours,
    BigDecimal amount,
    String basis,
    BigDecimal expensesTravel,
    BigDecimal expensesChildcare,
    BigDecimal expensesSubsistence,
    BigDecimal expenses,
    String expensesApprovedBy,
    RecompenseStatus status,
    LocalDate paidOn,
    String paidBy) {

  /** The same entry, naming its expert by reference. */
  LedgerEntry withExpertRef(String ref) {
    return new LedgerEntry(id, expertId, ref, requestId, sessionDate, kind, hours, preparationHours, paidHours, amount,
        basis, expensesTravel, expensesChildcare, expensesSubsistence, expenses, expensesApprovedBy, status, paidOn,
        paidBy);
  }

  public BigDecimal total() {
    return amount.add(expenses());
  }

  public boolean isPaid() {
    return status == RecompenseStatus.PAID;
  }
}
