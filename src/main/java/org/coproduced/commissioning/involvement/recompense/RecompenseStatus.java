package org.coproduced.commissioning.involvement.recompense;

/**
 * Whether a ledger entry is still to pay. Stored by name in {@code cc_recompense.status}, so the
 * names are the stored values and must not change.
 */
public enum RecompenseStatus {
  OWED,
  /** Paid, or the voucher or training credit given. */
  PAID
}
