package org.coproduced.commissioning.cycle;

import org.coproduced.commissioning.modelcheck.Stage;
import java.util.Map;
import org.coproduced.commissioning.notification.Message;

/** "Where things are now": what a finished stage of a cycle decided, to someone who contributed. */
public record StageUpdateMessage(long cycleId, Stage stage) implements Message {

  public static final String KIND = "STAGE_UPDATE";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Map<String, String> params() {
    return Map.of("cycleId", String.valueOf(cycleId), "stage", stage.name());
  }
}
