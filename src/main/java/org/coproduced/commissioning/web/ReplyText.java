package org.coproduced.commissioning.web;

/** Free text a person types on a link page (a reply, their access needs), checked before it is kept. */
public final class ReplyText {

  /** Long enough for a full answer; longer is refused with a message, not cut. */
  public static final int MAX_LENGTH = 4000;

  private ReplyText() {}

  /** The text without surrounding spaces, or {@code null} if empty; refused if too long or unprintable. */
  public static String checked(String reply) {
    if (reply == null || reply.isBlank()) {
      return null;
    }
    String trimmed = reply.strip();
    if (trimmed.length() > MAX_LENGTH) {
      throw new LinkInputException("Your message is too long: please keep it under " + MAX_LENGTH + " characters.");
    }
    if (trimmed.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
      throw new LinkInputException("Your message contains characters we cannot store. Please retype it.");
    }
    return trimmed;
  }
}
