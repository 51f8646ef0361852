package org.coproduced.commissioning.involvement;

/** Where an involvement request is, as {@code cc_involvement_request.status} keeps it (by name). */
public enum RequestStatus {
  /** Described by the commissioner, waiting for the coordinator's review. */
  SUBMITTED,
  /** Sent back to the commissioner with the coordinator's feedback. */
  SENT_BACK,
  /** Accepted by the coordinator: experts are being found and invited. */
  ACCEPTED,
  /** The session was held and what experts are owed is recorded. */
  COMPLETED,
  /** Closed by a coordinator because nobody could take part; the reason is recorded with the request. */
  NOBODY_AVAILABLE,
  /** The session will not happen: its cycle was stopped or deleted. Everyone invited was told why. */
  CALLED_OFF
}
