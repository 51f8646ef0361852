package org.coproduced.commissioning.involvement;

import java.util.Optional;

/**
 * What invitations and feedback say about the cycle they belong to. The cycle feature answers;
 * this interface lets involvement and feedback read it without depending on the cycle, which
 * itself calls them.
 */
public interface CycleOutlines {

  /** A cycle's title, its agreed timeline and, if it was stopped, why. */
  record CycleOutline(long id, String title, String timeline, String cancellationReason) {}

  Optional<CycleOutline> outline(long cycleId);
}
