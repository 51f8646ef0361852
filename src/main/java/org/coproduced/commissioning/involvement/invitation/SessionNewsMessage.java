package org.coproduced.commissioning.involvement.invitation;

import java.util.Map;
import org.coproduced.commissioning.notification.Message;

/**
 * News about a session an expert was invited to, by email: that their place is confirmed, a
 * reminder shortly before it, or that it will not happen.
 * The outbox keeps the kind; {@link SessionNewsMessages} writes what it says.
 */
public record SessionNewsMessage(String kind, long invitationId) implements Message {

  /** The session will not happen: its cycle was stopped or deleted. */
  public static final String CALLED_OFF = "SESSION_CALLED_OFF";

  /** The session moved: a coordinator tells a post or phone person (emailed people get a new invitation). */
  public static final String MOVED = "SESSION_MOVED";

  /** They said yes: the details, what to bring, who to contact, and their access needs. */
  public static final String CONFIRMED = "SESSION_CONFIRMED";
  /** The session is soon: the details again. */
  public static final String REMINDER = "SESSION_REMINDER";

  public static SessionNewsMessage confirmed(long invitationId) {
    return new SessionNewsMessage(CONFIRMED, invitationId);
  }

  public static SessionNewsMessage reminder(long invitationId) {
    return new SessionNewsMessage(REMINDER, invitationId);
  }

  public static SessionNewsMessage moved(long invitationId) {
    return new SessionNewsMessage(MOVED, invitationId);
  }

  public static SessionNewsMessage calledOff(long invitationId) {
    return new SessionNewsMessage(CALLED_OFF, invitationId);
  }

  @Override
  public Map<String, String> params() {
    return Map.of("invitationId", String.valueOf(invitationId));
  }
}
