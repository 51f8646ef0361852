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
import org.coproduced.commissioning.audit.CoproductionEvidence.CycleEvidence;
import org.coproduced.commissioning.audit.CoproductionEvidence.ExpertHours;
import org.coproduced.commissioning.audit.CoproductionEvidence.FeedbackRecord;
import org.coproduced.commissioning.audit.CoproductionEvidence.Gate;
import org.coproduced.commissioning.audit.CoproductionEvidence.RecompenseTotal;
import org.coproduced.commissioning.audit.CycleDecisions.Decisions;
import org.coproduced.commissioning.audit.CycleHistory.EngineHistory;
import org.coproduced.commissioning.cycle.CycleRepository.CycleSummary;
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

  public AuditReports(CoproductionEvidence evidence, CycleDecisions decisions, CycleHistory history) {
    this.evidence = evidence;
    this.decisions = decisions;
    this.history = history;
  }

  /** Every cycle, running and finished, newest first, with its headline figures. */
  public List<CycleFigures> cycles() {
    return figuresOf(evidence.cycles());
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

  /** The same figures across every cycle: latency of feedback, adoption, and the spread of hours. */
  public Figures figures() {
    List<CycleSummary> cycles = evidence.cycles();
    Map<Long, CycleEvidence> found = evidence.of(cycles.stream().map(CycleSummary::id).toList());
    List<CycleFigures> perCycle = new ArrayList<>();
    List<Double> daysToFeedback = new ArrayList<>();
    for (CycleSummary cycle : cycles) {
      CycleEvidence cycleEvidence = found.get(cycle.id());
      cycleEvidence.feedback().stream().map(FeedbackRecord::daysFromDecision).filter(Objects::nonNull)
          .forEach(daysToFeedback::add);
      perCycle.add(figures(cycle, cycleEvidence));
    }
    int answered = perCycle.stream().mapToInt(c -> c.adopted() + c.partly() + c.notAdopted()).sum();
    int adopted = perCycle.stream().mapToInt(CycleFigures::adopted).sum();
    int partly = perCycle.stream().mapToInt(CycleFigures::partly).sum();
    List<ExpertHours> experts = evidence.hoursPerExpert();
    List<Double> hours = experts.stream().map(e -> (double) e.hours()).toList();
    return new Figures(
        perCycle.size(),
        (int) perCycle.stream().filter(CycleFigures::running).count(),
        count(perCycle, CycleStatus.COMPLETED.name()),
        count(perCycle, CycleStatus.CANCELLED.name()),
        median(daysToFeedback),
        daysToFeedback.size(),
        answered, adopted, partly, answered - adopted - partly,
        share(adopted, answered), share(partly, answered),
        perCycle.stream().mapToInt(CycleFigures::sessions).sum(),
        perCycle.stream().mapToInt(CycleFigures::sessionsWithFullNotice).sum(),
        new Spread(experts.size(), hours.isEmpty() ? null : hours.stream().mapToDouble(d -> d).min().orElseThrow(),
            median(hours), hours.isEmpty() ? null : hours.stream().mapToDouble(d -> d).max().orElseThrow()),
        experts,
        perCycle);
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
        recompense.stream().map(RecompenseTotal::expenses).reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  private static int outcomes(List<ContributionFate> contributions, String outcome) {
    return (int) contributions.stream().filter(c -> outcome.equals(c.outcome())).count();
  }

  private static int count(List<CycleFigures> cycles, String status) {
    return (int) cycles.stream().filter(c -> status.equals(c.status())).count();
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
      BigDecimal recompense, BigDecimal expenses) {}

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
      Spread hoursPerExpert, List<ExpertHours> experts, List<CycleFigures> perCycle) {}
}
