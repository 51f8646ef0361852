package org.coproduced.commissioning.involvement.invitation;

import java.util.Map;
import java.util.Optional;
import org.coproduced.commissioning.involvement.CycleOutlines;
import org.coproduced.commissioning.involvement.CycleOutlines.CycleOutline;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationFacts.Facts;
import org.coproduced.commissioning.notification.MessageContent;
import org.coproduced.commissioning.notification.MessageContent.NotSent;
import org.coproduced.commissioning.notification.MessageContent.TokenIssuer;
import org.coproduced.commissioning.notification.MessageWriter;
import org.coproduced.commissioning.notification.OutboxMessage;
import org.springframework.stereotype.Component;

/**
 * What news about a session says: which session (day, time, place, what it was for) and what
 * changed, with the reason in the words of the person who decided. Read when the message is sent.
 */
@Component
public class SessionNewsMessages implements MessageWriter {

  /** A session as these messages show it. */
  public record SessionView(String date, String time, int hours, String format, String venue, String whatIsAsked,
      String cycleTitle) {}

  private final InvitationFacts facts;
  private final CycleOutlines cycles;
  private final InvolvementRequestRepository requests;

  public SessionNewsMessages(InvitationFacts facts, CycleOutlines cycles, InvolvementRequestRepository requests) {
    this.facts = facts;
    this.cycles = cycles;
    this.requests = requests;
  }

  @Override
  public boolean writes(OutboxMessage message) {
    return SessionNewsMessage.CALLED_OFF.equals(message.kind());
  }

  @Override
  public String template(OutboxMessage message) {
    return "session-called-off";
  }

  @Override
  public Optional<NotSent> write(OutboxMessage message, Map<String, Object> model, TokenIssuer tokens) {
    Optional<Facts> found = facts.find(message.longParam("invitationId"));
    Optional<CycleOutline> cycle = found.flatMap(f -> cycles.outline(f.cycleId()));
    if (found.isEmpty() || cycle.isEmpty()) {
      return Optional.of(NotSent.undeliverable("The invitation no longer exists."));
    }
    Facts invitation = found.get();
    if (invitation.status() != InvitationStatus.CALLED_OFF) {
      return Optional.of(NotSent.notNeeded("The session was not called off after all."));
    }
    model.put("session", view(invitation, cycle.get()));
    model.put("reason", requests.calledOffReason(invitation.requestId()).orElse(null));
    return Optional.empty();
  }

  static SessionView view(Facts invitation, CycleOutline cycle) {
    return new SessionView(MessageContent.DAY.format(invitation.sessionDate()), invitation.sessionTime(),
        invitation.durationHours(), invitation.sessionFormat(), invitation.venueAndAccess(), invitation.whatIsAsked(),
        cycle.title());
  }
}
