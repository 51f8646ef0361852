package org.coproduced.commissioning.notification;

import java.util.Map;
import java.util.Optional;
import org.coproduced.commissioning.notification.MessageContent.NotSent;
import org.coproduced.commissioning.notification.MessageContent.TokenIssuer;

/**
 * What a feature supplies for each kind of message it sends: which outbox messages it writes,
 * their template, and what the template needs, read when the message is sent. Notification
 * itself knows no feature: it finds the one writer that {@link #writes} a message.
 */
public interface MessageWriter {

  /** Whether this writer writes the message (usually by its kind). */
  boolean writes(OutboxMessage message);

  /** The template: {@code templates/mail/<name>.txt} (subject and text) and {@code <name>.html}. */
  String template(OutboxMessage message);

  /**
   * Adds what the template needs to {@code model}, which already holds the person's name, the
   * council and who to contact; or says why the message is not sent after all.
   */
  Optional<NotSent> write(OutboxMessage message, Map<String, Object> model, TokenIssuer tokens);
}
