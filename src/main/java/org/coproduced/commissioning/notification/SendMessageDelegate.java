package org.coproduced.commissioning.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The one step of process {@code message-delivery}: sends its message from the outbox. The
 * process's business key is the message's idempotency key, so it needs no variable of its own.
 */
@Component
public class SendMessageDelegate implements JavaDelegate {

  private final MessageOutbox outbox;
  private final MessageSender sender;

  public SendMessageDelegate(MessageOutbox outbox, MessageSender sender) {
    this.outbox = outbox;
    this.sender = sender;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    long messageId = outbox.findByKey(key).map(OutboxMessage::id).orElseThrow(
        () -> new MessageDeliveryException("There is no message with the key " + key + " in the outbox"));
    sender.send(messageId);
  }
}
