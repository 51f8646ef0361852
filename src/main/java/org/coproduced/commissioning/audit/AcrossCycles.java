package org.coproduced.commissioning.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.cycle.CycleStatus;
import org.coproduced.commissioning.feedback.FeedbackRepository;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository.LatestAnswer;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.schedule.ScheduleProperties;
import org.springframework.stereotype.Component;

/**
 * The figures across every cycle, counted by the database: each owner of a table is asked once,
 * with GROUP BY, so the number of queries stays the same after years of cycles. They equal the sum
 * of each cycle's own figures ({@link AuditReports#cycles}); a test holds them to that.
 */
@Component
public class AcrossCycles {

  private final CycleRepository cycles;
  private final ContributionRepository contributions;
  private final FeedbackRepository feedback;
  private final InvolvementRequestRepository requests;
  private final InvitationRepository invitations;
  private final ScheduleProperties schedule;

  public AcrossCycles(CycleRepository cycles, ContributionRepository contributions, FeedbackRepository feedback,
      InvolvementRequestRepository requests, InvitationRepository invitations, ScheduleProperties schedule) {
    this.cycles = cycles;
    this.contributions = contributions;
    this.feedback = feedback;
    this.requests = requests;
    this.invitations = invitations;
    this.schedule = schedule;
  }

  /** Cycles by status, answers to contributions, days to feedback and sessions held with full notice. */
  public Totals totals() {
    Map<String, Integer> byStatus = cycles.countsByStatus();
    int all = byStatus.values().stream().mapToInt(Integer::intValue).sum();
    int running = byStatus.entrySet().stream().filter(e -> CycleStatus.of(e.getKey()).isRunning())
        .mapToInt(Map.Entry::getValue).sum();
    Map<String, Integer> outcomes = contributions.countsByOutcome();
    int minimum = schedule.minimumNoticeWorkingDays();
    Map<Boolean, Integer> passed = requests.passedByNoticeMet(minimum);
    int sessions = passed.getOrDefault(true, 0) + passed.getOrDefault(false, 0);
    int withFullNotice = passed.getOrDefault(true, 0);
    // A gate not passed still counts as held when someone came to its session.
    Map<Long, Integer> notPassed = requests.noticeOfGatesNotPassed();
    for (var attended : invitations.attendanceByRequest(notPassed.keySet()).entrySet()) {
      if (attended.getValue().attended() > 0) {
        sessions++;
        withFullNotice += notPassed.get(attended.getKey()) >= minimum ? 1 : 0;
      }
    }
    return new Totals(all, running, byStatus.getOrDefault(CycleStatus.COMPLETED.name(), 0),
        byStatus.getOrDefault(CycleStatus.CANCELLED.name(), 0), daysFromDecisionToFeedback(),
        outcomes.getOrDefault(AuditReports.ADOPTED, 0), outcomes.getOrDefault(AuditReports.PARTLY, 0),
        outcomes.getOrDefault(AuditReports.NOT_ADOPTED, 0), sessions, withFullNotice);
  }

  /**
   * For each contributor to each cycle whose feedback is done, the days from the answer to their
   * last contribution until then: the same values as each cycle's feedback records.
   */
  private List<Double> daysFromDecisionToFeedback() {
    Map<List<Long>, Instant> completed = feedback.completedAtByContributor();
    List<Double> days = new ArrayList<>();
    for (LatestAnswer answer : contributions.latestAnswers()) {
      Double took = CoproductionEvidence.days(answer.answeredAt(),
          completed.get(List.of(answer.cycleId(), answer.expertId())));
      if (took != null) {
        days.add(took);
      }
    }
    return days;
  }

  /** Counts across every cycle; {@code daysToFeedback} holds one value per contributor measured. */
  public record Totals(int cycles, int running, int completed, int cancelled, List<Double> daysToFeedback,
      int adopted, int partly, int notAdopted, int sessions, int sessionsWithFullNotice) {}
}
