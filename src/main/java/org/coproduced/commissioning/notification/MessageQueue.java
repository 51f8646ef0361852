package org.coproduced.commissioning.notification;

import java.util.LinkedHashMap;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides that a message is due. The message is written to the outbox and its delivery process
 * started in the caller's transaction: if that transaction rolls back, no message exists and
 * none is ever sent; if it commits, the delivery runs afterwards, with retries.
 */
@Service
public class MessageQueue {

  /**
   * The process that sends one message: {@code processes/message-delivery.bpmn}. Its business key
   * is the message's idempotency key, which finds the outbox row; it has no variables, because
   * every variable costs the engine three rows and the key already says which message it is.
   */
  public static final String DELIVERY_PROCESS = "message-delivery";

  private final MessageOutbox outbox;
  private final RuntimeService runtime;
  private final SystemAccess system;

  public MessageQueue(MessageOutbox outbox, RuntimeService runtime, SystemAccess system) {
    this.outbox = outbox;
    this.runtime = runtime;
    this.system = system;
  }

  /**
   * Queues a message once per idempotency key: the same key again (a retried job, the same
   * decision made twice, another node) adds nothing. Returns whether this call queued it.
   *
   * @param key one per message and person, e.g. {@code invitation/42/EX-0008}
   * @param message its kind and the ids its content needs
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean queue(String key, Recipient to, Message message) {
    Optional<Long> id = outbox.insertIfAbsent(key, message.kind(), to, new LinkedHashMap<>(message.params()),
        ProcessClock.now().toInstant());
    id.ifPresent(added -> system.withoutAuthorization(() -> runtime.createProcessInstanceByKey(DELIVERY_PROCESS)
        .businessKey(key)
        .execute()));
    return id.isPresent();
  }
}
