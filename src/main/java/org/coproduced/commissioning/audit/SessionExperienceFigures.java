package org.coproduced.commissioning.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.coproduced.commissioning.involvement.aftercare.SessionExperienceRepository;
import org.coproduced.commissioning.involvement.aftercare.SessionExperienceRepository.Figures;
import org.springframework.stereotype.Service;

/**
 * "How was it for you?" as auditors see it: per cycle and across cycles, how many experts
 * answered and the share who felt listened to, prepared and fairly paid, and who would take part
 * again. Never the words, never who. A count under {@link #SMALLEST_SHOWN} is shown as "fewer
 * than 5", and so is a share worked out from fewer answers, so nobody can be picked out.
 */
@Service
public class SessionExperienceFigures {

  /** Counts below this are not shown. */
  static final int SMALLEST_SHOWN = 5;
  static final String FEWER = "fewer than " + SMALLEST_SHOWN;

  /** One line of figures, every value already safe to show. */
  public record HowItFelt(Long cycleId, String answers, String listenedTo, String prepared, String fairlyPaid,
      String wouldTakePartAgain) {

    static HowItFelt of(Figures f) {
      return new HowItFelt(f.cycleId(), f.answers() < SMALLEST_SHOWN ? FEWER : String.valueOf(f.answers()),
          share(f, f.listenedYes(), f.listenedAnswered()), share(f, f.preparedYes(), f.preparedAnswered()),
          share(f, f.fairlyPaidYes(), f.fairlyPaidAnswered()), share(f, f.againYes(), f.againAnswered()));
    }

    private static String share(Figures f, int yes, int answered) {
      if (f.answers() < SMALLEST_SHOWN || answered < SMALLEST_SHOWN) {
        return FEWER + " answers";
      }
      return Math.round(100.0 * yes / answered) + "% of " + answered;
    }
  }

  /** Across every cycle, and per cycle (cycles with no answers have no line). */
  public record Report(HowItFelt acrossCycles, Map<Long, HowItFelt> perCycle) {

    /** The cycle's line; a cycle nobody answered about shows "fewer than 5" like any small number. */
    public HowItFelt of(long cycleId) {
      return perCycle.getOrDefault(cycleId, HowItFelt.of(new Figures(cycleId, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
    }
  }

  private final SessionExperienceRepository experiences;

  public SessionExperienceFigures(SessionExperienceRepository experiences) {
    this.experiences = experiences;
  }

  public Report report() {
    Map<Long, HowItFelt> perCycle = new LinkedHashMap<>();
    experiences.figuresPerCycle().forEach(f -> perCycle.put(f.cycleId(), HowItFelt.of(f)));
    return new Report(HowItFelt.of(experiences.figuresAcrossCycles()), perCycle);
  }
}
