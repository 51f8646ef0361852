package org.coproduced.commissioning.audit;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.coproduced.commissioning.involvement.RequestStatus;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.cycle.CycleRepository.CycleSummary;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.feedback.FeedbackRepository;
import org.coproduced.commissioning.feedback.FeedbackRepository.FeedbackSummary;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.involvement.contribution.ContributionRoute;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository.ContributionOutcome;
import org.coproduced.commissioning.involvement.invitation.AccessNeedsRepository;
import org.coproduced.commissioning.involvement.invitation.AccessNeedsRepository.AccessNeedsCount;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository.Attendance;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository.SessionsAttended;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository.RequestSummary;
import org.coproduced.commissioning.involvement.recompense.RecompenseLedger;
import org.coproduced.commissioning.involvement.recompense.RecompenseLedger.RecompenseSum;
import org.coproduced.commissioning.involvement.recompense.RecompenseLedger.WorkSum;
import org.coproduced.commissioning.involvement.recompense.RecompensedWork;
import org.coproduced.commissioning.schedule.ScheduleProperties;
import org.springframework.stereotype.Component;

/**
 * The coproduction evidence of cycles, asked of each table's owner: gates and the notice experts
 * had, each contribution (by reference) and what became of it, feedback per contributor and
 * recompense. Contributors appear by their pseudonymous reference only, and nothing an expert
 * wrote in their own words is read here. Evidence for many cycles takes the same few queries as
 * for one: each owner is asked once for all of them.
 */
@Component
public class CoproductionEvidence {

  public static final String REPLY_ANSWERED = "ANSWERED";
  public static final String REPLY_WAITING = "WAITING";

  private final CycleRepository cycles;
  private final InvolvementRequestRepository requests;
  private final InvitationRepository invitations;
  private final ContributionRepository contributions;
  private final FeedbackRepository feedback;
  private final RecompenseLedger ledger;
  private final ExpertRepository experts;
  private final ScheduleProperties schedule;
  private final AccessNeedsRepository accessNeeds;

  public CoproductionEvidence(CycleRepository cycles, InvolvementRequestRepository requests,
      InvitationRepository invitations, ContributionRepository contributions, FeedbackRepository feedback,
      RecompenseLedger ledger, ExpertRepository experts, ScheduleProperties schedule,
      AccessNeedsRepository accessNeeds) {
    this.cycles = cycles;
    this.requests = requests;
    this.invitations = invitations;
    this.contributions = contributions;
    this.feedback = feedback;
    this.ledger = ledger;
    this.experts = experts;
    this.schedule = schedule;
    this.accessNeeds = accessNeeds;
  }

  /** At most {@code limit} cycles, newest first, after the {@code offset} newest. */
  public List<CycleSummary> cycles(int offset, int limit) {
    return cycles.summaries(offset, limit);
  }

  public Optional<CycleSummary> cycle(long cycleId) {
    return cycles.summary(cycleId);
  }

  public Optional<CycleSummary> cycleByProcessInstance(String processInstanceId) {
    return cycles.summaryByProcessInstance(processInstanceId);
  }

  /** The evidence of each of these cycles, by cycle id; a cycle with none has empty lists. */
  public Map<Long, CycleEvidence> of(Collection<Long> cycleIds) {
    Map<Long, CycleEvidence> evidence = new LinkedHashMap<>();
    cycleIds.forEach(id -> evidence.put(id, new CycleEvidence(new ArrayList<>(), new ArrayList<>(),
        new ArrayList<>(), new ArrayList<>())));
    List<RequestSummary> gates = requests.summariesOfCycles(cycleIds);
    Map<Long, Long> cycleOfRequest = new HashMap<>();
    gates.forEach(gate -> cycleOfRequest.put(gate.id(), gate.cycleId()));
    Map<Long, Attendance> attendance = invitations.attendanceByRequest(cycleOfRequest.keySet());
    Map<Long, AccessNeedsCount> needs = accessNeeds.countsByRequest(cycleOfRequest.keySet());
    int minimum = schedule.minimumNoticeWorkingDays();
    List<ContributionOutcome> outcomes = contributions.outcomesOfCycles(cycleIds);
    Map<Long, RouteCounts> routes = new HashMap<>();
    outcomes.forEach(c -> routes.merge(c.requestId(), RouteCounts.of(c.route()), RouteCounts::plus));
    gates.forEach(gate -> evidence.get(gate.cycleId()).gates()
        .add(gate(gate, attendance.getOrDefault(gate.id(), Attendance.NONE),
            needs.getOrDefault(gate.id(), AccessNeedsCount.NONE), routes.getOrDefault(gate.id(), RouteCounts.NONE),
            minimum)));
    addRecompense(evidence, cycleOfRequest, ledger.sumsByRequestAndKind(cycleOfRequest.keySet()),
        ledger.workSumsByCycle(cycleIds));

    Map<Long, String> refs = experts.refsOf(outcomes.stream().map(ContributionOutcome::expertId).distinct().toList());
    outcomes.forEach(c -> evidence.get(c.cycleId()).contributions().add(new ContributionFate(c.ref(),
        refs.get(c.expertId()), c.stage(), c.useInNeeds(), c.needsRewording() ? null : c.answerOutcome(),
        c.whatChanged(), c.whyDecided(), c.recordedAt(), c.answeredAt(), c.route().words())));
    addFeedback(evidence, outcomes, refs, feedback.summariesOfCycles(cycleIds));
    return evidence;
  }

  /** Hours each expert in the pool has given in sessions, by pseudonymous reference. */
  public List<ExpertHours> hoursPerExpert() {
    Map<Long, SessionsAttended> attended = invitations.sessionsAttendedByExpert();
    return experts.refsNotErased().entrySet().stream().map(expert -> {
      SessionsAttended sessions = attended.getOrDefault(expert.getKey(), new SessionsAttended(0, 0));
      return new ExpertHours(expert.getValue(), sessions.hours(), sessions.sessions());
    }).toList();
  }

  private static Gate gate(RequestSummary r, Attendance a, AccessNeedsCount n, RouteCounts routes, int minimum) {
    return new Gate(r.id(), r.stage(), r.involvementKind(), r.status(), RequestStatus.COMPLETED.name().equals(r.status()),
        r.sessionDate(), r.noticeWorkingDays(), minimum, r.noticeWorkingDays() >= minimum,
        r.noticeExceptionReason(), r.places(), a.invited(), a.accepted(), a.attended(), a.hours(),
        r.processInstanceId(), r.createdAt(), r.nobodyCouldTakePartReason(), n.withNeeds(),
        n.arrangedBeforeSession(), n.arrangedLate(), n.notArranged(), routes.session(), routes.written(),
        routes.peerResearch());
  }

  /**
   * Adds up each cycle's recompense by what the time was for (sessions, reviewing the
   * specification, meetings to agree it) and by kind, in that order.
   */
  private static void addRecompense(Map<Long, CycleEvidence> evidence, Map<Long, Long> cycleOfRequest,
      List<RecompenseSum> sessions, List<WorkSum> work) {
    Map<Long, TreeMap<String, RecompenseTotal>> byCycle = new HashMap<>();
    for (RecompenseSum sum : sessions) {
      add(byCycle, cycleOfRequest.get(sum.requestId()), new RecompenseTotal(RecompensedWork.SESSION.words(),
          sum.kind(), sum.entries(), sum.hours(), sum.amount(), sum.expenses()), RecompensedWork.SESSION);
    }
    for (WorkSum sum : work) {
      add(byCycle, sum.cycleId(), new RecompenseTotal(sum.work().words(), sum.kind(), sum.entries(), sum.hours(),
          sum.amount(), sum.expenses()), sum.work());
    }
    byCycle.forEach((cycleId, totals) -> evidence.get(cycleId).recompense().addAll(totals.values()));
  }

  private static void add(Map<Long, TreeMap<String, RecompenseTotal>> byCycle, long cycleId, RecompenseTotal total,
      RecompensedWork work) {
    byCycle.computeIfAbsent(cycleId, id -> new TreeMap<>()).merge(work.ordinal() + " " + total.kind(), total,
        (a, b) -> new RecompenseTotal(a.work(), a.kind(), a.entries() + b.entries(), a.hours() + b.hours(),
            a.amount().add(b.amount()), a.expenses().add(b.expenses())));
  }

  /**
   * One record per contributor of each cycle, by reference: their feedback's status, or
   * NOT_YET_SENT, and the days from the last answer to their contributions until it was done.
   */
  private static void addFeedback(Map<Long, CycleEvidence> evidence, List<ContributionOutcome> outcomes,
      Map<Long, String> refs, List<FeedbackSummary> rows) {
    Map<List<Long>, Instant> decidedAt = new LinkedHashMap<>();
    for (ContributionOutcome c : outcomes) {
      decidedAt.merge(List.of(c.cycleId(), c.expertId()), c.answeredAt() == null ? Instant.MIN : c.answeredAt(),
          (a, b) -> a.isAfter(b) ? a : b);
    }
    Map<List<Long>, FeedbackSummary> feedback = new HashMap<>();
    rows.forEach(f -> feedback.put(List.of(f.cycleId(), f.expertId()), f));
    decidedAt.forEach((contributor, latest) -> {
      FeedbackSummary f = feedback.get(contributor);
      Instant decided = latest == Instant.MIN ? null : latest;
      Instant sentAt = f == null ? null : f.createdAt();
      Instant completedAt = f == null ? null : f.completedAt();
      evidence.get(contributor.get(0)).feedback().add(new FeedbackRecord(refs.get(contributor.get(1)),
          f == null ? "NOT_YET_SENT" : f.status(), f == null ? null : f.deliveryMethod(), decided, sentAt,
          completedAt, days(decided, completedAt), days(sentAt, completedAt), replyState(f)));
    });
    evidence.values().forEach(e -> e.feedback().sort(Comparator.comparing(FeedbackRecord::contributor)));
  }

  /** Whether they wrote back and whether a coordinator answered: never the words. */
  private static String replyState(FeedbackSummary f) {
    if (f == null || !f.hadReply()) {
      return null;
    }
    return f.replyAnswered() ? REPLY_ANSWERED : REPLY_WAITING;
  }

  static Double days(Instant from, Instant to) {
    if (from == null || to == null) {
      return null;
    }
    double days = Duration.between(from, to).toMinutes() / (60.0 * 24);
    return Math.round(days * 10) / 10.0;
  }

  /** One cycle's gates, contributions, feedback and recompense. */
  public record CycleEvidence(List<Gate> gates, List<ContributionFate> contributions, List<FeedbackRecord> feedback,
      List<RecompenseTotal> recompense) {}

  /**
   * One involvement gate: whether it was passed, the notice given against the minimum, attendance,
   * and how many who said yes told us they needed something to take part, and whether that was
   * arranged before the session (counts only, never the words); or, when a coordinator closed it
   * because nobody could take part, their reason.
   */
  public record Gate(long requestId, String stage, String kind, String status, boolean passed, LocalDate sessionDate,
      int noticeWorkingDays, int minimumNoticeWorkingDays, boolean noticeMet, String shortNoticeReason, int places,
      int invited, int accepted, int attended, int hours, String processInstanceId, Instant requestedAt,
      String nobodyCouldTakePartReason, int withAccessNeeds, int accessArrangedBeforeSession, int accessArrangedLate,
      int accessNotArranged, int contributionsAtSession, int contributionsWritten, int contributionsFromPeerResearch) {}

  /** How many contributions came by each route: counts only, never the words. */
  public record RouteCounts(int session, int written, int peerResearch) {

    static final RouteCounts NONE = new RouteCounts(0, 0, 0);

    static RouteCounts of(ContributionRoute route) {
      return switch (route) {
        case SESSION -> new RouteCounts(1, 0, 0);
        case WRITTEN -> new RouteCounts(0, 1, 0);
        case PEER_RESEARCH -> new RouteCounts(0, 0, 1);
      };
    }

    RouteCounts plus(RouteCounts other) {
      return new RouteCounts(session + other.session, written + other.written, peerResearch + other.peerResearch);
    }
  }

  /**
   * One contribution and what became of it; {@code outcome} is null until it is answered. {@code route}
   * says how it reached us: "session", "written" or "peer research" (never what was said).
   */
  public record ContributionFate(String ref, String contributor, String stage, String usedInNeedsAssessment,
      String outcome, String whatChanged, String whyDecided, Instant recordedAt, Instant answeredAt, String route) {}

  /**
   * A contributor's feedback: status, channel and how long it took; {@code replyState} is null if they
   * wrote nothing back, else whether a coordinator has answered it yet ({@value #REPLY_ANSWERED} or
   * {@value #REPLY_WAITING}).
   */
  public record FeedbackRecord(String contributor, String status, String deliveryMethod, Instant decidedAt,
      Instant sentAt, Instant completedAt, Double daysFromDecision, Double daysFromSending, String replyState) {}

  /**
   * Recompense owed for the cycle, for one kind of work in plain words ({@code work}: sessions,
   * reviewing the specification, meetings to agree it) and one kind of recompense (payment,
   * voucher, training, none).
   */
  public record RecompenseTotal(String work, String kind, int entries, int hours, BigDecimal amount,
      BigDecimal expenses) {}

  public record ExpertHours(String contributor, int hours, int sessions) {}
}
