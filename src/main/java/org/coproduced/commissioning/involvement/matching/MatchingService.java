package org.coproduced.commissioning.involvement.matching;

import org.coproduced.commissioning.involvement.InvolvementRequest;
import org.coproduced.commissioning.involvement.aftercare.CheckInRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.coproduced.commissioning.experts.Expert;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.experts.ExpertStatus;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Candidate;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Commitment;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Demand;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Pooled;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Proposal;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Session;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Verdict;
import org.springframework.stereotype.Service;

/**
 * Proposes experts for a session fairly: only people whose consent and wellbeing check are current
 * and who are not waiting for a check-in after their last session,
 * with relevant lived experience and no conflict of interest, never booked for two sessions at the
 * same time, never over the cap of hours in 90 days, and those who gave the fewest hours lately
 * first, so the same few people are not asked again and again. The rules are in {@link MatchingRules}.
 */
@Service
public class MatchingService {

  private final ExpertRepository experts;
  private final InvitationRepository invitations;
  private final MatchingQueries queries;
  private final DeclaredConflicts conflicts;
  private final MatchingRules rules;
  private final CheckInRepository checkIns;

  public MatchingService(ExpertRepository experts, InvitationRepository invitations, MatchingQueries queries,
      DeclaredConflicts conflicts, MatchingProperties properties, CheckInRepository checkIns) {
    this.experts = experts;
    this.invitations = invitations;
    this.queries = queries;
    this.conflicts = conflicts;
    this.rules = new MatchingRules(properties.maxHoursPer90Days());
    this.checkIns = checkIns;
  }

  /** A proposal for the request: who to invite (buddies included), areas covered and not, notes. */
  public Proposal propose(InvolvementRequest request) {
    return rules.propose(pool(request), demand(request));
  }

  /** The next fairest eligible expert after someone declined, or empty when nobody is left. */
  public Optional<Expert> replacement(InvolvementRequest request) {
    return rules.replacement(pool(request), demand(request)).map(Candidate::expert);
  }

  /** Everyone who could be asked to the session, fairest first. */
  public List<Candidate> eligible(InvolvementRequest request) {
    return rules.ranked(pool(request), demand(request));
  }

  /**
   * Whether an expert the coordinator wants to add could come: every rule applies except lived
   * experience and the cap, which the coordinator may override with a reason.
   */
  public Verdict checkAddition(InvolvementRequest request, Expert expert) {
    Demand asked = demand(request);
    // Someone the coordinator took off this proposal earlier may be put back.
    Set<Long> others = new HashSet<>(asked.alreadyAsked());
    others.remove(expert.id());
    Demand demand = new Demand(asked.session(), asked.places(), asked.livedExperience(), others);
    Pooled pooled = pool(request).stream().filter(p -> p.expert().id() == expert.id()).findFirst()
        .orElse(new Pooled(expert, false, false, List.of()));
    return rules.clearance(pooled, demand);
  }

  /** The hours an expert gave or is booked for in the 90 days up to the session. */
  public int recentHours(InvolvementRequest request, Expert expert) {
    return pool(request).stream().filter(p -> p.expert().id() == expert.id()).findFirst()
        .map(p -> MatchingRules.recentHours(p, request.sessionDate())).orElse(0);
  }

  /**
   * Everyone in the pool who is active or taking a break and is not asked for this session yet,
   * each with why they are not proposed and what could change it: the people who could still come
   * first (fairest first), then the rest by reference. {@code areaLabels} turns an expert's lived
   * experience into words.
   */
  public List<NotProposed> notProposed(InvolvementRequest request,
      java.util.function.Function<Set<String>, String> areaLabels) {
    Demand demand = demand(request);
    List<Pooled> pool = pool(request);
    // Experienced people on the proposal who are not there as a buddy could look after a newcomer.
    Set<Long> canBuddy = new HashSet<>(invitations.findByRequest(request.id()).stream()
        .filter(i -> i.status().isProposedOrConfirmed() && !i.buddy()).map(i -> i.expertId()).toList());
    NotProposedReasons reasons = new NotProposedReasons(rules);
    java.util.Comparator<NotProposed> order = java.util.Comparator
        .comparing((NotProposed n) -> !n.canCome())
        .thenComparingInt(n -> n.canCome() ? n.recentHours() : 0)
        .thenComparing(n -> n.expert().ref());
    return pool.stream()
        .filter(p -> p.expert().status() != ExpertStatus.LEFT && !p.expert().erased())
        .filter(p -> !demand.alreadyAsked().contains(p.expert().id()))
        .map(p -> reasons.explain(p, demand, pool, canBuddy, areaLabels.apply(p.expert().livedExperience())))
        .sorted(order)
        .toList();
  }

  public int capHours() {
    return rules.capHours();
  }

  static Session sessionOf(InvolvementRequest request) {
    return new Session(LocalDateTime.of(request.sessionDate(), LocalTime.parse(request.sessionTime())),
        request.durationHours());
  }

  private Demand demand(InvolvementRequest request) {
    return new Demand(sessionOf(request), request.places(), request.livedExperience(),
        new HashSet<>(invitations.expertIdsNotToAskAgain(request.id())));
  }

  private List<Pooled> pool(InvolvementRequest request) {
    // One day more on each side than the cap needs: a late session can run past midnight.
    Map<Long, List<Commitment>> commitments = queries.commitments(
        request.sessionDate().minusDays(MatchingRules.WINDOW_DAYS),
        request.sessionDate().plusDays(MatchingRules.WINDOW_DAYS), request.id());
    Set<Long> attended = queries.expertsWhoAttended();
    Set<Long> conflicted = conflicts.expertsWithConflictsIn(request.cycleId());
    Set<Long> checkInDue = checkIns.expertsAwaitingCheckIn();
    return experts.findNotErased().stream()
        .map(expert -> new Pooled(expert, !expert.experienced() && !attended.contains(expert.id()),
            conflicted.contains(expert.id()), commitments.getOrDefault(expert.id(), List.of()),
            checkInDue.contains(expert.id())))
        .toList();
  }
}
