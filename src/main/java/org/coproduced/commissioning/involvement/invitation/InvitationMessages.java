package org.coproduced.commissioning.involvement.invitation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.coproduced.commissioning.experts.Expert;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.involvement.CycleOutlines;
import org.coproduced.commissioning.involvement.CycleOutlines.CycleOutline;
import org.coproduced.commissioning.involvement.invitation.InvitationFacts.Facts;
import org.coproduced.commissioning.involvement.matching.MatchingProperties;
import org.coproduced.commissioning.notification.LinkTokens.Purpose;
import org.coproduced.commissioning.notification.MessageContent;
import org.coproduced.commissioning.notification.TasklistLinks;
import org.coproduced.commissioning.notification.MessageContent.Links;
import org.coproduced.commissioning.notification.MessageContent.NotSent;
import org.coproduced.commissioning.notification.MessageContent.TokenIssuer;
import org.coproduced.commissioning.notification.MessageProperties;
import org.coproduced.commissioning.notification.MessageWriter;
import org.coproduced.commissioning.notification.OutboxMessage;
import org.coproduced.commissioning.schedule.CycleSchedule;
import org.coproduced.commissioning.schedule.IsoPeriods;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.stereotype.Component;

/**
 * What an invitation and its reminder say: the session, why the expert is asked, what they will
 * receive, and the links to answer. Not sent once the invitation is answered or the session has
 * passed.
 */
@Component
public class InvitationMessages implements MessageWriter {

  /** An invitation as its template shows it. */
  public record InvitationView(String whatIsAsked, String whyAsked, boolean coproduction, String stage,
      String date, String time, int hours, String format, String venue, String whoWillAttend, String cycleTitle,
      String timeline, String replyBy, boolean buddy, String recompense, String amount, String hourlyRate) {}

  private final InvitationFacts facts;
  private final CycleOutlines cycles;
  private final ExpertRepository experts;
  private final TasklistLinks tasklist;
  private final MessageProperties properties;
  private final MatchingProperties matching;
  private final CycleSchedule schedule;

  public InvitationMessages(InvitationFacts facts, CycleOutlines cycles, ExpertRepository experts,
      TasklistLinks tasklist, MessageProperties properties, MatchingProperties matching, CycleSchedule schedule) {
    this.facts = facts;
    this.cycles = cycles;
    this.experts = experts;
    this.tasklist = tasklist;
    this.properties = properties;
    this.matching = matching;
    this.schedule = schedule;
  }

  @Override
  public boolean writes(OutboxMessage message) {
    return InvitationMessage.INVITATION.equals(message.kind()) || InvitationMessage.REMINDER.equals(message.kind());
  }

  @Override
  public String template(OutboxMessage message) {
    return InvitationMessage.INVITATION.equals(message.kind()) ? "invitation" : "reminder";
  }

  @Override
  public Optional<NotSent> write(OutboxMessage message, Map<String, Object> model, TokenIssuer tokens) {
    Optional<Facts> found = facts.find(message.longParam("invitationId"));
    Optional<CycleOutline> cycle = found.flatMap(f -> cycles.outline(f.cycleId()));
    if (found.isEmpty() || cycle.isEmpty()) {
      return Optional.of(NotSent.undeliverable("The invitation no longer exists."));
    }
    Facts invitation = found.get();
    if (!invitation.open()) {
      return Optional.of(NotSent.notNeeded("The invitation was answered before this went out."));
    }
    Instant now = ProcessClock.now().toInstant();
    Instant sessionOver = invitation.sessionDate().plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant();
    if (!sessionOver.isAfter(now)) {
      return Optional.of(NotSent.notNeeded("The session date has passed."));
    }
    Instant expires = min(now.plus(properties.linkValidFor()), sessionOver);
    String token = tokens.issue(Purpose.INVITATION_ANSWER, invitation.id(), expires);
    String answer = properties.publicUrl() + "/app/invitations/" + token;
    model.put("links", new Links(answer + "?answer=accept", answer + "?answer=decline", null,
        tasklist.forReaderOf(model)));
    Instant invitedAt = invitation.invitedAt() == null ? now : invitation.invitedAt();
    BigDecimal amount = matching.hourlyRate().multiply(BigDecimal.valueOf(invitation.durationHours()));
    String recompense = experts.findById(invitation.expertId()).map(Expert::recompensePreference).orElse(null);
    String replyBy = MessageContent.DAY.format(
        IsoPeriods.plus(invitedAt.atZone(ZoneId.systemDefault()), schedule.invitationFollowUpAfter()).toLocalDate());
    model.put("invitation", new InvitationView(invitation.whatIsAsked(), invitation.whyAsked(),
        "coproduction".equals(invitation.involvementKind()), invitation.stage(),
        MessageContent.DAY.format(invitation.sessionDate()), invitation.sessionTime(), invitation.durationHours(),
        invitation.sessionFormat(), invitation.venueAndAccess(), invitation.whoWillAttend(), cycle.get().title(),
        cycle.get().timeline(), replyBy, invitation.buddy(), recompense == null ? "payment" : recompense,
        pounds(amount), pounds(matching.hourlyRate())));
    return Optional.empty();
  }

  private static String pounds(BigDecimal amount) {
    return "£" + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
