package org.coproduced.commissioning.feedback;

/** Whether a contributor has their "you said, we did" feedback. */
public enum FeedbackStatus {
  /** Sent or due, not yet confirmed. */
  WAITING,
  /** The person confirmed they read it. */
  ACKNOWLEDGED,
  /** A coordinator confirmed delivery by post, phone or in person. */
  ATTESTED
}
