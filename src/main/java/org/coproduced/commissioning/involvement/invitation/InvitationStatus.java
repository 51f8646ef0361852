package org.coproduced.commissioning.involvement.invitation;

/**
 * Where an expert's invitation to a session stands. Stored by name in {@code cc_invitation.status},
 * so the names are the stored values and must not change.
 */
public enum InvitationStatus {
  /** Matching proposed them; the coordinator has not confirmed the proposal yet. */
  PROPOSED,
  /** The coordinator confirmed them; not invited yet. */
  CONFIRMED,
  /** Invited, waiting for their answer. */
  INVITED,
  ACCEPTED,
  DECLINED,
  /** A newer proposal for the same session replaced theirs, or they left the pool before being invited. */
  WITHDRAWN,
  /** Taken off the proposal by a coordinator before anyone was invited. */
  REMOVED,
  /**
   * The session will not happen (its cycle was stopped or deleted): no longer a booking, so the
   * hours limit and the "never two sessions at once" rule stop counting it.
   */
  CALLED_OFF;

  /** Still on the proposal the coordinator is looking at. */
  public boolean isProposedOrConfirmed() {
    return this == PROPOSED || this == CONFIRMED;
  }
}
