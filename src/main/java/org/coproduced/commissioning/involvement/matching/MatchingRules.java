package org.coproduced.commissioning.involvement.matching;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.coproduced.commissioning.experts.Expert;

/**
 * The matching rules on their own, with no database: who may be asked to a session, in what
 * order, and who goes with a newcomer as their buddy. {@link MatchingService} loads the facts and
 * applies these rules; tests apply them to tables of cases.
 *
 * <p>An expert is eligible for a session when they are active on its date, their consent and
 * wellbeing check are current on that date, they share at least one of the lived-experience areas
 * asked for, they have no conflict of interest with the cycle, they were not already asked, they
 * are not waiting for a check-in after a session where they may have talked about their own
 * experiences, are not booked for another session at an overlapping time, and the session would not take them
 * over the cap of hours in any 90 days. Eligible experts are asked fewest recent hours first.
 */
public final class MatchingRules {

  /** The fair-share window. */
  public static final int WINDOW_DAYS = 90;

  /** Why an expert can, or cannot, be asked to a session. */
  public enum Verdict {
    ELIGIBLE("can be asked"),
    NOT_ACTIVE("is paused, has left or has been erased"),
    CONSENT_NOT_CURRENT("needs their consent renewed before the session"),
    WELLBEING_NOT_CURRENT("needs a wellbeing check before the session"),
    CHECK_IN_DUE("is waiting for a coordinator to check in with them after their last session"),
    NO_RELEVANT_EXPERIENCE("has none of the lived experience asked for"),
    CONFLICTED("has a conflict of interest with this cycle"),
    ALREADY_ASKED("has already been asked for this session"),
    DOUBLE_BOOKED("is booked for another session at the same time"),
    AT_CAP("would go over the limit of hours in 90 days");

    private final String reason;

    Verdict(String reason) {
      this.reason = reason;
    }

    /** Plain English, to follow the expert's reference: "EX-0003 is booked for ...". */
    public String reason() {
      return reason;
    }
  }

  /** A session: when it starts and how many hours it lasts. */
  public record Session(LocalDateTime start, int hours) {

    public LocalDateTime end() {
      return start.plusHours(hours);
    }

    public LocalDate day() {
      return start.toLocalDate();
    }

    /**
     * Whether the two sessions share any moment (one ending as the other starts does not). Work
     * with no time of day (a review done at home) lasts no moment, so it overlaps nothing.
     */
    public boolean overlaps(Session other) {
      return hours > 0 && other.hours() > 0 && start.isBefore(other.end()) && other.start().isBefore(end());
    }
  }

  /**
   * Time an expert gave, or is booked to give, at a session: it blocks that time and counts
   * towards their hours. {@code hours} is what counts (hours given and preparation once recorded,
   * the session's length while it is only booked). {@code requestId} names the session's request,
   * so a coordinator can be told which session is in the way; null where nobody needs to know.
   */
  public record Commitment(Session session, int hours, Long requestId) {

    public Commitment(Session session, int hours) {
      this(session, hours, null);
    }

    /** Hours of work outside any session on {@code day}: they count, but book no time of day. */
    public static Commitment workOn(LocalDate day, int hours) {
      return new Commitment(new Session(day.atStartOfDay(), 0), hours);
    }
  }

  /**
   * One expert in the pool as matching sees them. {@code checkInDue}: a coordinator has still to
   * check in with them after a session where they may have talked about their own experiences.
   */
  public record Pooled(Expert expert, boolean firstTimer, boolean conflicted, List<Commitment> commitments,
      boolean checkInDue) {

    public Pooled(Expert expert, boolean firstTimer, boolean conflicted, List<Commitment> commitments) {
      this(expert, firstTimer, conflicted, commitments, false);
    }
  }

  /** What a session asks for. */
  public record Demand(Session session, int places, Set<String> livedExperience, Set<Long> alreadyAsked) {}

  /** An expert who could be invited, with the hours they gave or are booked for in the last 90 days. */
  public record Candidate(Expert expert, int recentHours, boolean firstTimer, boolean buddy) {}

  /**
   * Who to invite (buddies included and marked), which lived-experience areas they cover and which
   * nobody covers, and notes for the coordinator (for example a newcomer left out for want of a buddy).
   */
  public record Proposal(List<Candidate> invitees, List<String> coveredAreas, List<String> uncoveredAreas,
      List<String> notes) {}

  private final int capHours;

  public MatchingRules(int capHours) {
    this.capHours = capHours;
  }

  public int capHours() {
    return capHours;
  }

  /** Whether the expert can be asked to this session, and if not, the first reason why not. */
  public Verdict verdict(Pooled pooled, Demand demand) {
    Verdict verdict = clearance(pooled, demand);
    if (verdict != Verdict.ELIGIBLE) {
      return verdict;
    }
    return sharesExperience(pooled.expert(), demand.livedExperience()) ? Verdict.ELIGIBLE
        : Verdict.NO_RELEVANT_EXPERIENCE;
  }

  /**
   * Every rule but lived experience: what a buddy, or an expert a coordinator adds by hand, must
   * still satisfy.
   */
  public Verdict clearance(Pooled pooled, Demand demand) {
    Expert expert = pooled.expert();
    LocalDate day = demand.session().day();
    if (!expert.isAvailableOn(day)) {
      return Verdict.NOT_ACTIVE;
    }
    if (!expert.consentCurrentOn(day)) {
      return Verdict.CONSENT_NOT_CURRENT;
    }
    if (!expert.wellbeingCurrentOn(day)) {
      return Verdict.WELLBEING_NOT_CURRENT;
    }
    if (pooled.checkInDue()) {
      return Verdict.CHECK_IN_DUE;
    }
    if (pooled.conflicted()) {
      return Verdict.CONFLICTED;
    }
    if (demand.alreadyAsked().contains(expert.id())) {
      return Verdict.ALREADY_ASKED;
    }
    if (isDoubleBooked(pooled, demand.session())) {
      return Verdict.DOUBLE_BOOKED;
    }
    if (!withinCap(pooled, demand.session())) {
      return Verdict.AT_CAP;
    }
    return Verdict.ELIGIBLE;
  }

  public static boolean isDoubleBooked(Pooled pooled, Session session) {
    return overlapping(pooled, session).isPresent();
  }

  /** The earliest session the expert is booked for that shares a moment with {@code session}. */
  public static Optional<Commitment> overlapping(Pooled pooled, Session session) {
    return pooled.commitments().stream().filter(c -> c.session().overlaps(session))
        .min(Comparator.comparing(c -> c.session().start()));
  }

  /**
   * Whether the session keeps the expert within the cap in every 90-day window that contains it,
   * counting sessions already given and sessions booked later on.
   */
  public boolean withinCap(Pooled pooled, Session session) {
    return busiestWindowHours(pooled, session) + session.hours() <= capHours;
  }

  /**
   * The most hours the expert already has in any 90-day window that contains the session: what the
   * session's hours are added to when checking the cap.
   */
  public static int busiestWindowHours(Pooled pooled, Session session) {
    LocalDate day = session.day();
    int busiest = 0;
    for (LocalDate windowEnd = day; windowEnd.isBefore(day.plusDays(WINDOW_DAYS)); windowEnd = windowEnd.plusDays(1)) {
      busiest = Math.max(busiest, hoursInWindow(pooled.commitments(), windowEnd));
    }
    return busiest;
  }

  /**
   * Whether a newcomer could have an experienced buddy at the session, by the rule {@link #propose}
   * follows: someone experienced who could come, or someone experienced already coming
   * ({@code comingWithoutNewcomer}: on the proposal and not yet anyone's buddy).
   */
  public boolean buddyFree(Expert newcomer, List<Pooled> pool, Demand demand, Set<Long> comingWithoutNewcomer) {
    return pool.stream().anyMatch(p -> !p.firstTimer() && p.expert().id() != newcomer.id()
        && (clearance(p, demand) == Verdict.ELIGIBLE || comingWithoutNewcomer.contains(p.expert().id())));
  }

  /** Hours given or booked in the 90 days ending on {@code day}: the fair-share measure. */
  public static int recentHours(Pooled pooled, LocalDate day) {
    return hoursInWindow(pooled.commitments(), day);
  }

  /** Hours in the 90 days that end on {@code windowEnd}, that day included. */
  public static int hoursInWindow(List<Commitment> commitments, LocalDate windowEnd) {
    LocalDate windowStart = windowEnd.minusDays(WINDOW_DAYS - 1L);
    return commitments.stream()
        .filter(c -> !c.session().day().isBefore(windowStart) && !c.session().day().isAfter(windowEnd))
        .mapToInt(Commitment::hours).sum();
  }

  /**
   * Everyone eligible, fairest first: fewest hours in the last 90 days, then the reference, so the
   * same facts always give the same order.
   */
  public List<Candidate> ranked(List<Pooled> pool, Demand demand) {
    return pool.stream()
        .filter(p -> verdict(p, demand) == Verdict.ELIGIBLE)
        .map(p -> candidate(p, demand, false))
        .sorted(FAIREST_FIRST)
        .toList();
  }

  /**
   * Proposes experts for the places, fairest first. A newcomer is proposed only with an experienced
   * buddy, each buddy looking after one newcomer: their named buddy if free, otherwise someone
   * experienced who is already coming, otherwise the fairest experienced expert who could come
   * (a buddy need not share the lived experience asked for). A buddy invited only as a buddy takes
   * no place. Pairings, and newcomers left out for want of a buddy, are in the notes.
   */
  public Proposal propose(List<Pooled> pool, Demand demand) {
    List<Candidate> ranked = ranked(pool, demand);
    List<Candidate> supporters = pool.stream()
        .filter(p -> !p.firstTimer() && clearance(p, demand) == Verdict.ELIGIBLE)
        .map(p -> candidate(p, demand, true))
        .sorted(FAIREST_FIRST)
        .toList();
    List<Candidate> chosen = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Set<Long> taken = new HashSet<>();
    Set<Long> buddying = new HashSet<>();
    int placesFilled = 0;
    for (Candidate candidate : ranked) {
      if (placesFilled >= demand.places()) {
        break;
      }
      if (taken.contains(candidate.expert().id())) {
        continue;
      }
      if (candidate.firstTimer()) {
        Optional<Candidate> buddy = buddyFor(candidate.expert(), supporters, taken, buddying);
        if (buddy.isEmpty()) {
          notes.add(candidate.expert().ref() + " was not proposed: it would be their first time and no "
              + "experienced buddy is free then.");
          continue;
        }
        chosen.add(candidate);
        taken.add(candidate.expert().id());
        if (taken.add(buddy.get().expert().id())) {
          chosen.add(buddy.get());
        }
        buddying.add(buddy.get().expert().id());
        notes.add(candidate.expert().ref() + " comes for the first time, with " + buddy.get().expert().ref()
            + " as their buddy.");
      } else {
        chosen.add(candidate);
        taken.add(candidate.expert().id());
      }
      placesFilled++;
    }
    Set<String> offered = new LinkedHashSet<>();
    chosen.forEach(c -> offered.addAll(c.expert().livedExperience()));
    List<String> covered = demand.livedExperience().stream().filter(offered::contains).toList();
    List<String> uncovered = demand.livedExperience().stream().filter(area -> !offered.contains(area)).toList();
    return new Proposal(List.copyOf(chosen), covered, uncovered, List.copyOf(notes));
  }

  /**
   * The fairest eligible expert to take a declined place. Newcomers are left out: a replacement is
   * invited on their own, with no time to arrange a buddy.
   */
  public Optional<Candidate> replacement(List<Pooled> pool, Demand demand) {
    return ranked(pool, demand).stream().filter(c -> !c.firstTimer()).findFirst();
  }

  private static Optional<Candidate> buddyFor(Expert newcomer, List<Candidate> supporters, Set<Long> coming,
      Set<Long> buddying) {
    List<Candidate> free = supporters.stream()
        .filter(s -> !buddying.contains(s.expert().id()) && s.expert().id() != newcomer.id()).toList();
    return free.stream().filter(s -> s.expert().ref().equals(newcomer.buddyRef())).findFirst()
        .or(() -> free.stream().filter(s -> coming.contains(s.expert().id())).findFirst())
        .or(() -> free.stream().filter(s -> !coming.contains(s.expert().id())).findFirst());
  }

  private static Candidate candidate(Pooled pooled, Demand demand, boolean buddy) {
    return new Candidate(pooled.expert(), recentHours(pooled, demand.session().day()), pooled.firstTimer(), buddy);
  }

  private static boolean sharesExperience(Expert expert, Set<String> asked) {
    return asked.isEmpty() || expert.livedExperience().stream().anyMatch(asked::contains);
  }

  private static final Comparator<Candidate> FAIREST_FIRST =
      Comparator.comparingInt(Candidate::recentHours).thenComparing(c -> c.expert().ref());
}
