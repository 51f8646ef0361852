package org.coproduced.commissioning.involvement.invitation;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.coproduced.commissioning.involvement.CycleOutlines;
import org.coproduced.commissioning.involvement.CycleOutlines.CycleOutline;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationFacts.Facts;
import org.coproduced.commissioning.notification.MessageContent;
import org.coproduced.commissioning.notification.MessageContent.NotSent;
import org.coproduced.commissioning.notification.MessageContent.TokenIssuer;
import org.coproduced.commissioning.notification.MessageWriter;
import org.coproduced.commissioning.notification.OutboxMessage;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.stereotype.Component;

/**
 * What news about a session says: which session (day, time, place, what it is for) and what
 * changed: a place confirmed (with what to bring and the access needs they told us), a reminder,
 * or a session called off with the reason in the words of the person who decided. Read when the
 * message is sent, so news overtaken by events (a place given up, a session called off) is not sent.
 */
@Component
public class SessionNewsMessages implements MessageWriter {

  /** A session as these messages show it. */
  public record SessionView(String date, String time, int hours, String format, String venue, String whatIsAsked,
      String whoWillAttend, String cycleTitle, boolean buddy) {}

  private static final Map<String, String> TEMPLATES = Map.of(SessionNewsMessage.CONFIRMED, "session-confirmed",
      SessionNewsMessage.REMINDER, "session-reminder", SessionNewsMessage.CALLED_OFF, "session-called-off");
  private static final Set<String> FOR_PEOPLE_COMING = Set.of(SessionNewsMessage.CONFIRMED, SessionNewsMessage.REMINDER);

  private final InvitationFacts facts;
  private final CycleOutlines cycles;
  private final InvolvementRequestRepository requests;
  private final InvitationRepository invitations;

  public SessionNewsMessages(InvitationFacts facts, CycleOutlines cycles, InvolvementRequestRepository requests,
      InvitationRepository invitations) {
    this.facts = facts;
    this.cycles = cycles;
    this.requests = requests;
    this.invitations = invitations;
  }

  @Override
  public boolean writes(OutboxMessage message) {
    return TEMPLATES.containsKey(message.kind());
  }

  @Override
  public String template(OutboxMessage message) {
    return TEMPLATES.get(message.kind());
  }

  @Override
  public Optional<NotSent> write(OutboxMessage message, Map<String, Object> model, TokenIssuer tokens) {
    Optional<Facts> found = facts.find(message.longParam("invitationId"));
    Optional<CycleOutline> cycle = found.flatMap(f -> cycles.outline(f.cycleId()));
    if (found.isEmpty() || cycle.isEmpty()) {
      return Optional.of(NotSent.undeliverable("The invitation no longer exists."));
    }
    Facts invitation = found.get();
    Optional<NotSent> overtaken = overtaken(message.kind(), invitation);
    if (overtaken.isEmpty() && FOR_PEOPLE_COMING.contains(message.kind())
        && SessionNews.beforeLatestChange(message.idempotencyKey(), requests.sessionChanges(invitation.requestId()))) {
      overtaken = Optional.of(NotSent.notNeeded("The session moved: a newer message gives the new details."));
    }
    if (overtaken.isPresent()) {
      return overtaken;
    }
    model.put("session", view(invitation, cycle.get()));
    if (SessionNewsMessage.CALLED_OFF.equals(message.kind())) {
      model.put("reason", requests.calledOffReason(invitation.requestId()).orElse(null));
    } else {
      model.put("accessNeeds", invitations.accessNeeds(invitation.id()).orElse(null));
    }
    return Optional.empty();
  }

  private static Optional<NotSent> overtaken(String kind, Facts invitation) {
    if (FOR_PEOPLE_COMING.contains(kind)) {
      if (invitation.status() != InvitationStatus.ACCEPTED) {
        return Optional.of(NotSent.notNeeded("They are no longer coming to this session."));
      }
      boolean over = !invitation.sessionDate().plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant()
          .isAfter(ProcessClock.now().toInstant());
      return over ? Optional.of(NotSent.notNeeded("The session date has passed.")) : Optional.empty();
    }
    return invitation.status() == InvitationStatus.CALLED_OFF ? Optional.empty()
        : Optional.of(NotSent.notNeeded("The session was not called off after all."));
  }

  static SessionView view(Facts invitation, CycleOutline cycle) {
    return new SessionView(MessageContent.DAY.format(invitation.sessionDate()), invitation.sessionTime(),
        invitation.durationHours(), invitation.sessionFormat(), invitation.venueAndAccess(), invitation.whatIsAsked(),
        invitation.whoWillAttend(), cycle.title(), invitation.buddy());
  }
}
