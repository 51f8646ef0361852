package org.coproduced.commissioning.involvement.aftercare;

/** Where a coordinator's check-in with an expert after a session stands. */
public enum CheckInStatus {
  /** Not done yet: the expert is not proposed for another session until it is. */
  OPEN,
  /** The coordinator talked with them. */
  DONE,
  /** They did not want a check-in, which is their choice. */
  DECLINED
}
