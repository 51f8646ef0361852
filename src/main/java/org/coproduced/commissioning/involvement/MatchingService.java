package org.coproduced.commissioning.involvement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.coproduced.commissioning.experts.Expert;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.springframework.stereotype.Service;

/**
 * Proposes experts for a session fairly: only people whose consent and wellbeing check are current,
 * with relevant lived experience, never double-booked, and those who gave the fewest hours lately
 * first, so the same few people are not asked again and again.
 */
@Service
public class MatchingService {

  private final ExpertRepository experts;
  private final InvitationRepository invitations;
  private final MatchingProperties properties;

  public MatchingService(ExpertRepository experts, InvitationRepository invitations, MatchingProperties properties) {
    this.experts = experts;
    this.invitations = invitations;
    this.properties = properties;
  }

  /** A proposal for the request: who to invite (buddies included) and which areas nobody covers. */
  public Proposal propose(InvolvementRequest request) {
    List<Candidate> ranked = rankedCandidates(request, Set.of());
    List<Candidate> chosen = new ArrayList<>();
    Set<Long> taken = new HashSet<>();
    for (Candidate candidate : ranked) {
      if (chosen.stream().filter(c -> !c.buddy()).count() >= request.places()) {
        break;
      }
      if (taken.add(candidate.expert().id())) {
        chosen.add(candidate);
        if (candidate.firstTimer()) {
          buddyFor(candidate.expert(), ranked, taken).ifPresent(buddy -> {
            taken.add(buddy.expert().id());
            chosen.add(new Candidate(buddy.expert(), buddy.recentHours(), false, true));
          });
        }
      }
    }
    Set<String> covered = new LinkedHashSet<>();
    chosen.forEach(c -> covered.addAll(c.expert().livedExperience()));
    List<String> gaps = request.livedExperience().stream().filter(area -> !covered.contains(area)).toList();
    return new Proposal(chosen, gaps);
  }

  /** The next eligible expert for a request after someone declined, or empty when nobody is left. */
  public Optional<Expert> replacement(InvolvementRequest request) {
    Set<Long> alreadyAsked = new HashSet<>(invitations.expertIdsAsked(request.id()));
    return rankedCandidates(request, alreadyAsked).stream().map(Candidate::expert).findFirst();
  }

  private List<Candidate> rankedCandidates(InvolvementRequest request, Set<Long> excluded) {
    LocalDate sessionDate = request.sessionDate();
    Set<Long> booked = new HashSet<>(invitations.expertIdsBookedOn(sessionDate, request.id()));
    Set<Long> asked = new HashSet<>(invitations.expertIdsAsked(request.id()));
    List<Candidate> candidates = new ArrayList<>();
    for (Expert expert : experts.findActive()) {
      if (excluded.contains(expert.id()) || booked.contains(expert.id()) || asked.contains(expert.id())
          || !expert.isClearedFor(sessionDate) || !sharesExperience(expert, request)) {
        continue;
      }
      int recentHours = experts.hoursGivenBetween(expert.id(), sessionDate.minusDays(90), sessionDate);
      if (recentHours + request.durationHours() > properties.maxHoursPer90Days()) {
        continue;
      }
      boolean firstTimer = !expert.experienced() && !experts.hasAttendedBefore(expert.id());
      candidates.add(new Candidate(expert, recentHours, firstTimer, false));
    }
    // Fewest recent hours first; the reference breaks ties so the same input gives the same proposal.
    candidates.sort(Comparator.comparingInt(Candidate::recentHours).thenComparing(c -> c.expert().ref()));
    return candidates;
  }

  private static boolean sharesExperience(Expert expert, InvolvementRequest request) {
    return request.livedExperience().isEmpty()
        || expert.livedExperience().stream().anyMatch(request.livedExperience()::contains);
  }

  /** The named buddy if free, otherwise the experienced candidate with the fewest recent hours. */
  private static Optional<Candidate> buddyFor(Expert newcomer, List<Candidate> ranked, Set<Long> taken) {
    List<Candidate> experienced = ranked.stream()
        .filter(c -> !c.firstTimer() && !taken.contains(c.expert().id())).toList();
    return experienced.stream().filter(c -> c.expert().ref().equals(newcomer.buddyRef())).findFirst()
        .or(() -> experienced.stream().findFirst());
  }

  /** An expert who could be invited, with the hours they gave in the last 90 days. */
  public record Candidate(Expert expert, int recentHours, boolean firstTimer, boolean buddy) {}

  /** Who to invite, and the lived-experience areas the request wanted that nobody proposed covers. */
  public record Proposal(List<Candidate> invitees, List<String> uncoveredAreas) {}
}
