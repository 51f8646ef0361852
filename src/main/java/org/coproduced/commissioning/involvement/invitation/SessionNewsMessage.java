package org.coproduced.commissioning.involvement.invitation;

import java.util.Map;
import org.coproduced.commissioning.notification.Message;

/**
 * News about a session an expert was invited to, by email: for now, that it will not happen.
 * The outbox keeps the kind; {@link SessionNewsMessages} writes what it says.
 */
public record SessionNewsMessage(String kind, long invitationId) implements Message {

  /** The session will not happen: its cycle was stopped or deleted. */
  public static final String CALLED_OFF = "SESSION_CALLED_OFF";

  public static SessionNewsMessage calledOff(long invitationId) {
    return new SessionNewsMessage(CALLED_OFF, invitationId);
  }

  @Override
  public Map<String, String> params() {
    return Map.of("invitationId", String.valueOf(invitationId));
  }
}
