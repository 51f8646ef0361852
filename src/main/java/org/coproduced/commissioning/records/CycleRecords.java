package org.coproduced.commissioning.records;

/**
 * One feature's rows that belong to a commissioning cycle, for deleting them once the cycle's
 * records are no longer kept. Each table's owner implements it for its own tables, so nothing
 * outside a feature names its tables; whoever deletes a cycle calls every implementation, in
 * order, in one transaction.
 *
 * <p>The order is Spring's {@code @Order} on the implementing bean, which sorts the list that is
 * injected: the schema's foreign keys refuse to delete a row others still refer to, so rows that
 * refer to the cycle go first ({@link #REFERRING_TO_CYCLE}) and the cycle itself last
 * ({@link #CYCLE}). Within a feature, its implementation deletes children before their parents.
 * This package depends on no feature, so any feature may implement it without a cycle between them.
 */
public interface CycleRecords {

  /** A feature whose rows refer to the cycle (and perhaps to each other, but to no other feature's rows). */
  int REFERRING_TO_CYCLE = 0;

  /** The cycle's own row, which every other row of the cycle refers to: deleted last. */
  int CYCLE = 100;

  /** Deletes this feature's rows of the cycle; nothing when it has none. */
  void deleteForCycle(long cycleId);
}
