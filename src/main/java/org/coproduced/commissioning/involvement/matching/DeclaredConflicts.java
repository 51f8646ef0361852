package org.coproduced.commissioning.involvement.matching;

import java.util.Set;

/**
 * Who has a conflict of interest in a cycle, as the feature that holds the declarations knows it.
 * Procurement owns the bids and the declarations and depends on involvement, so involvement asks
 * through this interface and procurement answers it, keeping the dependency one way.
 */
public interface DeclaredConflicts {

  /** The ids of the experts with a conflict of interest in the cycle; never asked once per expert. */
  Set<Long> expertsWithConflictsIn(long cycleId);
}
