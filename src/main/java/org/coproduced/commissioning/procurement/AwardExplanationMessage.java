package org.coproduced.commissioning.procurement;

import java.util.Map;
import org.coproduced.commissioning.notification.Message;

/** The award decision, whether the panel agreed, and the commissioner's explanation, to one expert on the panel. */
public record AwardExplanationMessage(long cycleId) implements Message {

  public static final String KIND = "AWARD_EXPLANATION";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Map<String, String> params() {
    return Map.of("cycleId", String.valueOf(cycleId));
  }
}
