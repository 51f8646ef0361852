package org.coproduced.commissioning.involvement.aftercare;

import java.util.Map;
import java.util.Optional;
import org.coproduced.commissioning.involvement.CycleOutlines;
import org.coproduced.commissioning.involvement.InvolvementRequest;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.involvement.aftercare.SessionExperienceRepository.Experience;
import org.coproduced.commissioning.notification.LinkTokens.Purpose;
import org.coproduced.commissioning.notification.MessageContent;
import org.coproduced.commissioning.notification.MessageContent.NotSent;
import org.coproduced.commissioning.notification.MessageContent.TokenIssuer;
import org.coproduced.commissioning.notification.MessageProperties;
import org.coproduced.commissioning.notification.MessageWriter;
import org.coproduced.commissioning.notification.OutboxMessage;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.coproduced.commissioning.involvement.peerresearch.PeerResearchRepository;
import org.springframework.stereotype.Component;

/**
 * What the "How was it for you?" email says: thank you, the session it is about, and a personal
 * link to a few short questions that are all optional. Not sent once they have answered.
 */
@Component
public class SessionQuestionsMessages implements MessageWriter {

  /** The session as the email shows it; {@code peerResearch}: they gathered views instead of coming. */
  public record SessionView(String cycleTitle, String date, boolean peerResearch) {}

  private final SessionExperienceRepository experiences;
  private final InvitationRepository invitations;
  private final InvolvementRequestRepository requests;
  private final CycleOutlines cycles;
  private final MessageProperties properties;
  private final AftercareProperties aftercare;
  private final PeerResearchRepository peerResearch;

  public SessionQuestionsMessages(SessionExperienceRepository experiences, InvitationRepository invitations,
      InvolvementRequestRepository requests, CycleOutlines cycles, MessageProperties properties,
      AftercareProperties aftercare, PeerResearchRepository peerResearch) {
    this.peerResearch = peerResearch;
    this.experiences = experiences;
    this.invitations = invitations;
    this.requests = requests;
    this.cycles = cycles;
    this.properties = properties;
    this.aftercare = aftercare;
  }

  @Override
  public boolean writes(OutboxMessage message) {
    return SessionQuestionsMessage.KIND.equals(message.kind());
  }

  @Override
  public String template(OutboxMessage message) {
    return "session-questions";
  }

  @Override
  public Optional<NotSent> write(OutboxMessage message, Map<String, Object> model, TokenIssuer tokens) {
    long invitationId = message.longParam("invitationId");
    Optional<Experience> experience = experiences.findByInvitation(invitationId);
    if (experience.isEmpty()) {
      return Optional.of(NotSent.undeliverable("Nobody is asked about invitation " + invitationId + "."));
    }
    if (experience.get().status() != SessionExperienceRepository.Status.ASKED) {
      return Optional.of(NotSent.notNeeded("They answered before this went out."));
    }
    InvolvementRequest request = requests.get(invitations.get(invitationId).requestId());
    String title = cycles.outline(request.cycleId()).map(CycleOutlines.CycleOutline::title).orElse("");
    model.put("session", new SessionView(title, MessageContent.DAY.format(request.sessionDate()),
        peerResearch.isResearcher(invitationId)));
    String token = tokens.issue(Purpose.SESSION_EXPERIENCE, experience.get().id(),
        ProcessClock.now().toInstant().plus(aftercare.answerWithin()));
    model.put("answerLink", properties.publicUrl() + "/app/how-was-it/" + token);
    return Optional.empty();
  }
}
