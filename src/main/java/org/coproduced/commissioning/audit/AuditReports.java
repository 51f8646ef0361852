package org.coproduced.commissioning.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.coproduced.commissioning.cycle.CycleStatus;
import org.coproduced.commissioning.audit.CoproductionEvidence.ContributionFate;
import org.coproduced.commissioning.involvement.contribution.ContributionRoute;
import org.coproduced.commissioning.audit.CoproductionEvidence.CycleEvidence;
import org.coproduced.commissioning.audit.CoproductionEvidence.ExpertHours;
import org.coproduced.commissioning.audit.CoproductionEvidence.FeedbackRecord;
import org.coproduced.commissioning.audit.CoproductionEvidence.Gate;
import org.coproduced.commissioning.audit.CoproductionEvidence.RecompenseTotal;
import org.coproduced.commissioning.audit.CycleDecisions.Decisions;
import org.coproduced.commissioning.audit.CycleHistory.EngineHistory;
import org.coproduced.commissioning.cycle.CycleRepository.CycleSummary;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The figures auditors read in Cockpit: one cycle's history and coproduction evidence, and the
 * same figures across all cycles. Call it inside {@link AuditorAccess#read} so that the engine's
 * history is read as the auditor.
 */
@Service
public class AuditReports {

  static final String ADOPTED = "adopted";
  static final String PARTLY = "partly";
  static final String NOT_ADOPTED = "not-adopted";

  private final CoproductionEvidence evidence;
  private final CycleDecisions decisions;
  private final CycleHistory history;

  /** Cycles read at once for the download of every cycle's figures. */
  static final int EXPORT_BATCH = 500;

  private final AcrossCycles acrossCycles;
  private final int cyclesPerPage;

  public AuditReports(CoproductionEvidence evidence, AcrossCycles acrossCycles, CycleDecisions decisions,
      CycleHistory history, @Value("${coproduction.audit.cycles-per-page:50}") int cyclesPerPage) {
    if (cyclesPerPage < 1) {
      throw new IllegalArgumentException("coproduction.audit.cycles-per-page must be 1 or more, not " + cyclesPerPage);
    }
    this.evidence = evidence;
    this.acrossCycles = acrossCycles;
    this.decisions = decisions;
    this.history = history;
    this.cyclesPerPage = cyclesPerPage;
  }

  /**
   * One page of cycles, running and finished, newest first, with their headline figures; page 1
   * holds the newest. A page takes the same few queries whatever the number of cycles: one for the
   * page and one per owner of the evidence, for the cycles on it.
   */
  public CyclePage cycles(int page) {
    List<CycleSummary> found = evidence.cycles((page - 1) * cyclesPerPage, cyclesPerPage + 1);
    boolean older = found.size() > cyclesPerPage;
    return new CyclePage(figuresOf(older ? found.subList(0, cyclesPerPage) : found), page, cyclesPerPage,
        page > 1, older);
  }

  /** Everything an auditor may read about one cycle. */
  public Optional<CycleDetail> cycle(long cycleId) {
    return evidence.cycle(cycleId).map(cycle -> {
      CycleEvidence found = evidence.of(List.of(cycleId)).get(cycleId);
      return new CycleDetail(figures(cycle, found), history.of(cycle.processInstanceId()), found.gates(),
          found.contributions(), found.feedback(), found.recompense(), decisions.of(cycleId), cycle.reviewOutcome(),
          cycle.reviewReason(), cycle.cancellationReason());
    });
  }

  /**
   * The cycle a process instance belongs to, whether it is the cycle itself or a gate or feedback
   * process it called. Empty when the instance is unknown or its history is not readable.
   */
  public Optional<CycleFigures> cycleOfProcessInstance(String processInstanceId) {
    return history.rootOf(processInstanceId).flatMap(evidence::cycleByProcessInstance)
        .map(cycle -> figuresOf(List.of(cycle)).get(0));
  }

  /**
   * The same figures across every cycle: latency of feedback, adoption, and the spread of hours.
   * The database counts them ({@link AcrossCycles}), so they take the same few queries after years
   * of cycles; each cycle's own figures are read a page at a time ({@link #cycles(int)}).
   */
  public Figures figures() {
    AcrossCycles.Totals totals = acrossCycles.totals();
    int answered = totals.adopted() + totals.partly() + totals.notAdopted();
    List<ExpertHours> experts = evidence.hoursPerExpert();
    List<Double> hours = experts.stream().map(e -> (double) e.hours()).toList();
    return new Figures(
        totals.cycles(), totals.running(), totals.completed(), totals.cancelled(),
        median(totals.daysToFeedback()), totals.daysToFeedback().size(),
        answered, totals.adopted(), totals.partly(), totals.notAdopted(),
        share(totals.adopted(), answered), share(totals.partly(), answered),
        totals.sessions(), totals.sessionsWithFullNotice(),
        new Spread(experts.size(), hours.isEmpty() ? null : hours.stream().mapToDouble(d -> d).min().orElseThrow(),
            median(hours), hours.isEmpty() ? null : hours.stream().mapToDouble(d -> d).max().orElseThrow()),
        experts);
  }

  /**
   * Every cycle's figures, newest first, for the download: read {@value #EXPORT_BATCH} cycles at a
   * time, so each query stays the same size however many years of cycles there are.
   */
  public List<CycleFigures> allCycles() {
    List<CycleFigures> all = new ArrayList<>();
    for (int offset = 0; ; offset += EXPORT_BATCH) {
      List<CycleSummary> batch = evidence.cycles(offset, EXPORT_BATCH);
      all.addAll(figuresOf(batch));
      if (batch.size() < EXPORT_BATCH) {
        return all;
      }
    }
  }

  /** The figures of these cycles, in their order; the evidence of all of them is read at once. */
  private List<CycleFigures> figuresOf(List<CycleSummary> cycles) {
    Map<Long, CycleEvidence> found = evidence.of(cycles.stream().map(CycleSummary::id).toList());
    return cycles.stream().map(cycle -> figures(cycle, found.get(cycle.id()))).toList();
  }

  private static CycleFigures figures(CycleSummary cycle, CycleEvidence found) {
    List<Gate> gates = found.gates();
    List<ContributionFate> contributions = found.contributions();
    List<FeedbackRecord> feedback = found.feedback();
    List<RecompenseTotal> recompense = found.recompense();
    List<Gate> held = gates.stream().filter(g -> g.attended() > 0 || g.passed()).toList();
    return new CycleFigures(
        cycle.id(), cycle.title(), cycle.serviceArea(), cycle.commissioner(), cycle.status(),
        CycleStatus.of(cycle.status()).isRunning(),
        cycle.startedAt(), cycle.endedAt(),
        (int) gates.stream().filter(Gate::passed).count(),
        held.size(),
        (int) held.stream().filter(Gate::noticeMet).count(),
        contributions.size(),
        outcomes(contributions, ADOPTED), outcomes(contributions, PARTLY), outcomes(contributions, NOT_ADOPTED),
        (int) contributions.stream().filter(c -> c.outcome() == null).count(),
        feedback.size(),
        (int) feedback.stream().filter(f -> "ACKNOWLEDGED".equals(f.status())).count(),
        (int) feedback.stream().filter(f -> "ATTESTED".equals(f.status())).count(),
        (int) feedback.stream().filter(f -> !"ACKNOWLEDGED".equals(f.status()) && !"ATTESTED".equals(f.status()))
            .count(),
        median(feedback.stream().map(FeedbackRecord::daysFromDecision).filter(Objects::nonNull).toList()),
        (int) feedback.stream().filter(f -> CoproductionEvidence.REPLY_ANSWERED.equals(f.replyState())).count(),
        (int) feedback.stream().filter(f -> CoproductionEvidence.REPLY_WAITING.equals(f.replyState())).count(),
        gates.stream().mapToInt(Gate::hours).sum(),
        recompense.stream().map(RecompenseTotal::amount).reduce(BigDecimal.ZERO, BigDecimal::add),
        recompense.stream().map(RecompenseTotal::expenses).reduce(BigDecimal.ZERO, BigDecimal::add),
        byRoute(contributions, ContributionRoute.SESSION), byRoute(contributions, ContributionRoute.WRITTEN),
        byRoute(contributions, ContributionRoute.PEER_RESEARCH));
  }

  private static int byRoute(List<ContributionFate> contributions, ContributionRoute route) {
    return (int) contributions.stream().filter(c -> route.words().equals(c.route())).count();
  }

  private static int outcomes(List<ContributionFate> contributions, String outcome) {
    return (int) contributions.stream().filter(c -> outcome.equals(c.outcome())).count();
  }

  static Double median(List<Double> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    return Math.round(median * 10) / 10.0;
  }

  static Double share(int part, int whole) {
    return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
  }

  /**
   * One cycle's headline figures, as listed and exported; replies are what contributors wrote back
   * about their feedback, answered by a coordinator or waiting (counts only).
   */
  public record CycleFigures(long cycleId, String title, String serviceArea, String commissioner, String status,
      boolean running, Instant startedAt, Instant endedAt, int gatesPassed, int sessions, int sessionsWithFullNotice,
      int contributions, int adopted, int partly, int notAdopted, int unanswered, int contributors,
      int acknowledged, int attested, int waiting, Double medianDaysFromDecisionToFeedback, int repliesAnswered,
      int repliesWaiting, int expertHours,
      BigDecimal recompense, BigDecimal expenses, int contributionsAtSessions, int contributionsWritten,
      int contributionsFromPeerResearch) {}

  /**
   * One page of the cycle list; {@code newer} and {@code older} say whether there are pages of
   * newer and older cycles beside it.
   */
  public record CyclePage(List<CycleFigures> cycles, int page, int pageSize, boolean newer, boolean older) {}

  /** Everything about one cycle. */
  public record CycleDetail(CycleFigures cycle, EngineHistory history, List<Gate> gates,
      List<ContributionFate> contributions, List<FeedbackRecord> feedback, List<RecompenseTotal> recompense,
      Decisions decisions, String reviewOutcome, String reviewReason, String cancellationReason) {}

  /** Minimum, median and maximum hours per expert in the pool. */
  public record Spread(int experts, Double min, Double median, Double max) {}

  /** The figures across all cycles. */
  public record Figures(int cycles, int running, int completed, int cancelled,
      Double medianDaysFromDecisionToFeedback, int feedbackMeasured, int contributionsAnswered, int adopted,
      int partly, int notAdopted, Double shareAdopted, Double sharePartly, int sessions, int sessionsWithFullNotice,
      Spread hoursPerExpert, List<ExpertHours> experts) {}
}
