package org.coproduced.commissioning.feedback;

import java.util.Map;
import org.coproduced.commissioning.notification.Message;

/** A coordinator's answer to what an expert wrote back about their feedback in a cycle. */
public record FeedbackReplyMessage(long cycleId) implements Message {

  public static final String KIND = "FEEDBACK_REPLY_ANSWER";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Map<String, String> params() {
    return Map.of("cycleId", String.valueOf(cycleId));
  }
}
