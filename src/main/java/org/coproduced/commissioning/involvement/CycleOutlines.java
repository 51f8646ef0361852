package org.coproduced.commissioning.involvement;

import java.util.Optional;

/**
 * What invitations and feedback say about the cycle they belong to. The cycle feature answers;
 * this interface lets involvement and feedback read it without depending on the cycle, which
 * itself calls them.
 */
public interface CycleOutlines {

  /**
   * A cycle's title, its agreed timeline, if it was stopped, why, why experts are involved (the
   * commissioner's words on the start form, which every invitation of the cycle shows) and the
   * recompense offer agreed in its involvement plan ({@code choice}, {@code voucher}, {@code payment},
   * {@code training}, {@code none}; null before the plan is agreed).
   */
  record CycleOutline(long id, String title, String timeline, String cancellationReason, String purpose,
      String recompenseOffer) {}

  Optional<CycleOutline> outline(long cycleId);
}
