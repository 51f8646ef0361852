package org.coproduced.commissioning.cycle;

import org.coproduced.commissioning.modelcheck.Stage;
import java.util.List;
import java.util.Map;
import org.coproduced.commissioning.notification.Message;

/**
 * The same stage update for a coordinator to pass on to the people who prefer post or phone. It
 * goes out as a coordinator notice, with this reason, as it always has: the outbox keeps its kind.
 */
public record OfflineStageUpdateMessage(long cycleId, Stage stage, List<String> expertRefs) implements Message {

  public static final String KIND = "COORDINATOR_NOTICE";
  public static final String REASON = "OFFLINE_STAGE_UPDATE";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Map<String, String> params() {
    return Map.of("reason", REASON, "cycleId", String.valueOf(cycleId), "stage", stage.name(),
        "expertRefs", String.join(",", expertRefs));
  }
}
