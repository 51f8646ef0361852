package org.coproduced.commissioning.notification;

import java.util.Map;

/**
 * A message as the feature that sends it decides it: its kind, as the outbox keeps it, and the
 * ids its content needs (never names or other personal details: those are read when it is sent).
 * Each feature declares its messages as records implementing this, and writes their content with
 * a {@link MessageWriter}.
 */
public interface Message {

  /** The kind, as the outbox keeps it, e.g. {@code INVITATION}; its writer is found by it. */
  String kind();

  /** The ids the content needs, as text, as the outbox keeps them. */
  Map<String, String> params();
}
