package org.coproduced.commissioning.involvement.invitation;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.coproduced.commissioning.involvement.CycleOutlines;
import org.coproduced.commissioning.involvement.CycleOutlines.CycleOutline;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository.SessionChangeNote;
import org.coproduced.commissioning.involvement.invitation.InvitationFacts.Facts;
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

  /**
   * An invitation as its template shows it. {@code hours} is the session's length; {@code paidHours}
   * what the offer pays for (the recompense table's minimums included). {@code buddy}: they come
   * as a newcomer's buddy; {@code newcomer}: one of their first sessions, with a buddy;
   * {@code ownExperience}: what to know when they may be asked about their own experiences, or null.
   * {@code peerResearch}: what a peer researcher does, or null when the request has none;
   * {@code peerResearchOnly}: no session at all; {@code choosesHow}: both, and the expert chooses.
   */
  public record InvitationView(String whatIsAsked, String whyAsked, boolean coproduction, String stage,
      String date, String time, int hours, String format, String venue, String whoWillAttend, String cycleTitle,
      String timeline, String replyBy, boolean buddy, String recompense, String amount, String hourlyRate,
      String purpose, boolean newcomer, boolean bidsToRead, int readingHours, boolean papersByPost,
      String paidHours, String agreedOffer, String ownExperience, String peerResearch, boolean peerResearchOnly,
      boolean choosesHow, String peerResearchOffer) {}

  /** A session that moved since the expert was first asked: when it was, and why it moved. */
  public record MovedView(String previousDate, String previousTime, String reason) {}

  private final InvitationFacts facts;
  private final InvolvementRequestRepository requests;
  private final CycleOutlines cycles;
  private final InvitationPack packs;
  private final TasklistLinks tasklist;
  private final MessageProperties properties;
  private final CycleSchedule schedule;

  public InvitationMessages(InvitationFacts facts, CycleOutlines cycles, InvitationPack packs,
      TasklistLinks tasklist, MessageProperties properties, CycleSchedule schedule, InvolvementRequestRepository requests) {
    this.facts = facts;
    this.requests = requests;
    this.cycles = cycles;
    this.packs = packs;
    this.tasklist = tasklist;
    this.properties = properties;
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
    Optional<SessionChangeNote> change = requests.lastSessionChange(invitation.requestId());
    if (change.isPresent() && SessionNews.beforeLatestChange(message.idempotencyKey(), change.get().number())) {
      return Optional.of(NotSent.notNeeded("The session moved: a newer message gives the new details."));
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
    InvitationPack.Pack pack = packs.of(invitation);
    String replyBy = MessageContent.DAY.format(
        IsoPeriods.plus(invitedAt.atZone(ZoneId.systemDefault()), schedule.invitationFollowUpAfter()).toLocalDate());
    model.put("invitation", new InvitationView(invitation.whatIsAsked(), invitation.whyAsked(),
        "coproduction".equals(invitation.involvementKind()), invitation.stage(),
        MessageContent.DAY.format(invitation.sessionDate()), invitation.sessionTime(), invitation.durationHours(),
        invitation.sessionFormat(), invitation.venueAndAccess(), invitation.whoWillAttend(), pack.cycleTitle(),
        pack.timeline(), replyBy, pack.buddy(), pack.recompense(), pack.amount(), pack.hourlyRate(),
        pack.purpose(), pack.newcomer(), pack.bidsToRead(), pack.readingHours(), pack.papersByPost(),
        pack.hours(), pack.agreedOffer(), pack.ownExperienceNote(),
        pack.peerResearch() == null ? null : InvitationPack.peerResearchTask(pack.peerResearch()),
        pack.peerResearchOnly(), pack.choosesHow(), InvitationPack.peerResearchOffer(pack)));
    change.filter(c -> c.previousDate() != null).ifPresent(c -> model.put("moved",
        new MovedView(MessageContent.DAY.format(c.previousDate()), c.previousTime(), c.reason())));
    return Optional.empty();
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
