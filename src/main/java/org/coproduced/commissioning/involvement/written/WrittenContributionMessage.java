package org.coproduced.commissioning.involvement.written;

import java.util.Map;
import org.coproduced.commissioning.notification.Message;

/** "Would you like to send us your thoughts instead?", with a link, to someone who cannot come. */
public record WrittenContributionMessage(long invitationId) implements Message {

  public static final String KIND = "WRITTEN_CONTRIBUTION_OFFER";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Map<String, String> params() {
    return Map.of("invitationId", String.valueOf(invitationId));
  }
}
