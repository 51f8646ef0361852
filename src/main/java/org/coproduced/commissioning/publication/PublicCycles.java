package org.coproduced.commissioning.publication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coproduced.commissioning.cycle.Cycle;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.cycle.CycleStatus;
import org.coproduced.commissioning.feedback.FeedbackRepository;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository.RequestSummary;
import org.coproduced.commissioning.involvement.RequestStatus;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository.ContributionOutcome;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository.Attendance;
import org.coproduced.commissioning.publication.PublicCycle.Counts;
import org.coproduced.commissioning.publication.PublicCycle.Item;
import org.coproduced.commissioning.publication.PublicCycle.Session;
import org.coproduced.commissioning.publication.PublicCycle.Stage;
import org.coproduced.commissioning.publication.PublicSummary.PublicWording;
import org.springframework.stereotype.Component;

/**
 * Puts a cycle's public page together from its summary and what the features hold: sessions held
 * and how many took part (involvement), what became of each point (contributions), and who said
 * yes to the public page (feedback). A point appears in words only when its contributor said yes
 * and staff wrote public wording for it; every point is counted.
 */
@Component
class PublicCycles {

  /** The gates' purposes (the {@code stage} the models pass), with the plain names the public reads. */
  static final Map<String, String> STAGES = Map.of("ANALYSE", "Understanding what people need",
      "CODESIGN", "Designing the service", "EVALUATION", "Choosing who will run the service",
      "COEVALUATION", "Checking how the service is going");
  private static final List<String> ORDER = List.of("ANALYSE", "CODESIGN", "EVALUATION", "COEVALUATION");

  private final CycleRepository cycles;
  private final InvolvementRequestRepository requests;
  private final InvitationRepository invitations;
  private final ContributionRepository contributions;
  private final FeedbackRepository feedback;

  PublicCycles(CycleRepository cycles, InvolvementRequestRepository requests, InvitationRepository invitations,
      ContributionRepository contributions, FeedbackRepository feedback) {
    this.cycles = cycles;
    this.requests = requests;
    this.invitations = invitations;
    this.contributions = contributions;
    this.feedback = feedback;
  }

  PublicCycle of(PublicSummary summary) {
    long cycleId = summary.cycleId();
    Cycle cycle = cycles.findById(cycleId).orElseThrow();
    CycleStatus status = CycleStatus.of(cycle.status());
    boolean stopped = status == CycleStatus.CANCELLING || status == CycleStatus.CANCELLED;
    Map<String, List<Session>> sessions = sessions(cycleId);
    Map<String, List<ContributionOutcome>> outcomes = new LinkedHashMap<>();
    contributions.outcomesOfCycles(List.of(cycleId))
        .forEach(o -> outcomes.computeIfAbsent(o.stage(), s -> new ArrayList<>()).add(o));
    Set<Long> consenting = feedback.publicConsentIds(cycleId);
    List<Stage> stages = new ArrayList<>();
    for (String stage : ORDER) {
      List<Session> held = sessions.getOrDefault(stage, List.of());
      List<ContributionOutcome> said = outcomes.getOrDefault(stage, List.of());
      if (held.isEmpty() && said.isEmpty()) {
        continue;
      }
      stages.add(new Stage(STAGES.get(stage), held, counts(said), items(said, consenting, summary.wordings())));
    }
    return new PublicCycle(cycleId, summary.title(), summary.purpose(), stopped ? cycle.cancellationReason() : null,
        summary.publishedAt(), stages);
  }

  private Map<String, List<Session>> sessions(long cycleId) {
    List<RequestSummary> held = requests.summariesOfCycles(List.of(cycleId)).stream()
        .filter(r -> RequestStatus.COMPLETED.name().equals(r.status())).toList();
    Map<Long, Attendance> attendance = invitations.attendanceByRequest(held.stream().map(RequestSummary::id).toList());
    Map<String, List<Session>> sessions = new LinkedHashMap<>();
    for (RequestSummary request : held) {
      int tookPart = attendance.getOrDefault(request.id(), Attendance.NONE).attended();
      sessions.computeIfAbsent(request.stage(), s -> new ArrayList<>())
          .add(new Session(request.sessionDate(), request.involvementKind(), tookPart));
    }
    return sessions;
  }

  private static Counts counts(List<ContributionOutcome> said) {
    return new Counts(said.size(), count(said, "adopted"), count(said, "partly"), count(said, "not-adopted"));
  }

  private static int count(List<ContributionOutcome> said, String outcome) {
    return (int) said.stream().filter(o -> !o.needsRewording() && outcome.equals(o.answerOutcome())).count();
  }

  private static List<Item> items(List<ContributionOutcome> said, Set<Long> consenting,
      Map<Long, PublicWording> wordings) {
    List<Item> items = new ArrayList<>();
    for (ContributionOutcome o : said) {
      PublicWording wording = wordings.get(o.id());
      if (wording != null && consenting.contains(o.expertId()) && o.answerOutcome() != null) {
        items.add(new Item(wording.said(), o.answerOutcome(), wording.whatChanged(), wording.whyDecided()));
      }
    }
    return items;
  }
}
