package org.coproduced.commissioning.notification;

import org.springframework.stereotype.Component;

/** Settings the delivery model reads, e.g. {@code ${messageDelivery.retryIntervals()}}. */
@Component
public class MessageDelivery {

  private final MessageProperties properties;

  public MessageDelivery(MessageProperties properties) {
    this.properties = properties;
  }

  /** The waits between attempts, as the engine's retry cycle: {@code PT1M,PT5M,...}. */
  public String retryIntervals() {
    return properties.retryIntervals().replace(" ", "");
  }
}
