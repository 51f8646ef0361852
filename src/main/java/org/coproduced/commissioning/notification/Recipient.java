package org.coproduced.commissioning.notification;

/**
 * Who a message is for: an expert by their pseudonymous reference, or a Camunda user by id. The
 * address is looked up only when the message is sent.
 */
public record Recipient(Type type, String id) {

  /** Where the address of a recipient is kept. */
  public enum Type {
    /** An expert in the pool, by their reference. */
    EXPERT,
    /** A Camunda user (staff, or an expert's Tasklist sign-in). */
    USER
  }

  public static Recipient expert(String expertRef) {
    return new Recipient(Type.EXPERT, expertRef);
  }

  public static Recipient user(String userId) {
    return new Recipient(Type.USER, userId);
  }
}
