package org.coproduced.commissioning.involvement.invitation;

import java.util.Map;
import org.coproduced.commissioning.notification.Message;

/** An invitation to a session by email, or the reminder of one not yet answered. */
public record InvitationMessage(String kind, long invitationId) implements Message {

  /** The invitation, with the preparation pack and how to answer. */
  public static final String INVITATION = "INVITATION";
  /** A reminder of an invitation not yet answered. */
  public static final String REMINDER = "REMINDER";

  public static InvitationMessage invitation(long invitationId) {
    return new InvitationMessage(INVITATION, invitationId);
  }

  public static InvitationMessage reminder(long invitationId) {
    return new InvitationMessage(REMINDER, invitationId);
  }

  @Override
  public Map<String, String> params() {
    return Map.of("invitationId", String.valueOf(invitationId));
  }
}
