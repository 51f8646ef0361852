package org.coproduced.commissioning.cycle;

/** Where a commissioning cycle is, as {@code cc_cycle.status} keeps it (by name). */
public enum CycleStatus {
  /** Running. */
  ACTIVE,
  /** Stopped by the commissioner: feedback is being delivered before it ends. */
  CANCELLING,
  /** Stopped, and everyone who took part has their feedback. */
  CANCELLED,
  /** Finished, and everyone who took part has their feedback. */
  COMPLETED;

  /** Whether the cycle has not ended yet (it may be delivering feedback after a stop). */
  public boolean isRunning() {
    return this == ACTIVE || this == CANCELLING;
  }

  /** The status a stored name stands for. */
  public static CycleStatus of(String stored) {
    return valueOf(stored);
  }
}
