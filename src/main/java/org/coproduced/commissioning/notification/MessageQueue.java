package org.coproduced.commissioning.notification;

import java.util.LinkedHashMap;
import java.util.Map;
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
   * @param params ids the template needs (never names or other personal details)
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean queue(String key, MessageKind kind, Recipient to, Map<String, ?> params) {
    Map<String, String> values = new LinkedHashMap<>();
    params.forEach((name, value) -> values.put(name, String.valueOf(value)));
    Optional<Long> id = outbox.insertIfAbsent(key, kind, to, values, ProcessClock.now().toInstant());
    id.ifPresent(added -> system.withoutAuthorization(() -> runtime.createProcessInstanceByKey(DELIVERY_PROCESS)
        .businessKey(key)
        .execute()));
    return id.isPresent();
  }
}
