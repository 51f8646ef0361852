package org.coproduced.commissioning.notification;

/**
 * A message could not be handed to the mail server this time. The delivery job fails, the
 * engine tries again later, and after the last attempt the message is an incident in Cockpit.
 */
public class MessageDeliveryException extends RuntimeException {

  public MessageDeliveryException(String message, Throwable cause) {
    super(message, cause);
  }

  public MessageDeliveryException(String message) {
    super(message);
  }
}
