package org.coproduced.commissioning.involvement.aftercare;

import java.util.Map;
import org.coproduced.commissioning.notification.Message;

/** "How was it for you?": a few short questions after a session, with a link to answer them. */
public record SessionQuestionsMessage(long invitationId) implements Message {

  public static final String KIND = "SESSION_QUESTIONS";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Map<String, String> params() {
    return Map.of("invitationId", String.valueOf(invitationId));
  }
}
