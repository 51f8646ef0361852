package org.coproduced.commissioning.notification;

import java.time.Instant;
import java.util.Map;

/** One row of the outbox: a message that is due, being sent, or sent. */
public record OutboxMessage(
    long id,
    String idempotencyKey,
    String kind,
    Recipient recipient,
    Map<String, String> params,
    Status status,
    int attempts,
    String lastError,
    String subject,
    Instant createdAt,
    Instant sentAt) {

  /** Where a message is on its way. */
  public enum Status {
    /** Decided, not yet handed to the mail server. */
    PENDING,
    /** A node has claimed it and is handing it to the mail server now. */
    SENDING,
    /** The mail server accepted it. */
    SENT,
    /** It cannot be sent at all (for example nobody has an address for the person). */
    UNDELIVERABLE,
    /** It was not sent because it was no longer needed (for example the invitation was answered). */
    NOT_NEEDED;

    /** Whether the message has reached its end: nothing more will happen to it. */
    public boolean isFinal() {
      return this == SENT || this == UNDELIVERABLE || this == NOT_NEEDED;
    }
  }

  public String param(String name) {
    String value = params.get(name);
    if (value == null) {
      throw new IllegalStateException("Message " + idempotencyKey + " has no '" + name + "'");
    }
    return value;
  }

  public long longParam(String name) {
    return Long.parseLong(param(name));
  }
}
