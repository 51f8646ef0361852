package org.coproduced.commissioning.involvement.recompense;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What one expert is owed, or was paid, for one session, or for reviewing one draft of a cycle's
 * specification, or for a meeting to agree it ({@code work} says which): the value of their time
 * in the form they chose, and the expenses the coordinator approved ({@code expenses} is their
 * total). {@code requestId} is 0 and {@code reviewRound} is set for work outside a session.
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
    String paidBy,
    RecompensedWork work,
    Integer reviewRound) {

  /** The same entry, naming its expert by reference. */
  LedgerEntry withExpertRef(String ref) {
    return new LedgerEntry(id, expertId, ref, requestId, sessionDate, kind, hours, preparationHours, paidHours, amount,
        basis, expensesTravel, expensesChildcare, expensesSubsistence, expenses, expensesApprovedBy, status, paidOn,
        paidBy, work, reviewRound);
  }

  /** Where the hours went, in words: "2 at the session, 1 preparing" or "2 reviewing the specification". */
  public String hoursInWords() {
    return work == RecompensedWork.SESSION ? hours + " at the session, " + preparationHours + " preparing"
        : hours + " " + work.hoursSpent();
  }

  public BigDecimal total() {
    return amount.add(expenses());
  }

  public boolean isPaid() {
    return status == RecompenseStatus.PAID;
  }
}
