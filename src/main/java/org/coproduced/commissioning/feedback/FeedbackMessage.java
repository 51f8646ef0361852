package org.coproduced.commissioning.feedback;

import java.util.Map;
import org.coproduced.commissioning.notification.Message;

/** "You said, we did": every contribution of the person in a cycle, each with its answer. */
public record FeedbackMessage(long cycleId) implements Message {

  public static final String KIND = "FEEDBACK";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Map<String, String> params() {
    return Map.of("cycleId", String.valueOf(cycleId));
  }
}
