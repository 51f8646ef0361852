package org.coproduced.commissioning.involvement.matching;


import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.coproduced.commissioning.experts.ContactChannel;
import org.coproduced.commissioning.experts.Expert;
import org.coproduced.commissioning.experts.ExpertStatus;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Candidate;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Commitment;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Demand;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Pooled;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Proposal;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Session;
import org.junit.jupiter.api.Test;

/**
 * Properties of matching on random pools and random runs of sessions (seeded, so a failure names
 * the seed that reproduces it): nobody is ever taken over the cap in any 90 days, nobody is ever
 * booked for two sessions at the same time, and every proposal keeps the other rules.
 */
class MatchingPropertyTest {

  static final int CASES = 1200;
  static final List<String> AREAS = List.of("homelessness", "drugs-alcohol", "mental-health", "offending",
      "domestic-abuse");
  static final LocalDate BASE = LocalDate.of(2027, 1, 4);

  @Test
  void matchingNeverExceedsTheCapAndNeverDoubleBooks() {
    int invitations = 0;
    int sessions = 0;
    Map<MatchingRules.Verdict, Integer> refusals = new HashMap<>();
    for (long seed = 1; seed <= CASES; seed++) {
      Random random = new Random(seed);
      MatchingRules rules = new MatchingRules(6 + random.nextInt(30));
      Map<Long, Pooled> pool = randomPool(random, rules);
      int runs = 1 + random.nextInt(8);
      for (int run = 0; run < runs; run++) {
        Demand demand = randomDemand(random);
        Proposal proposal = rules.propose(List.copyOf(pool.values()), demand);
        pool.values().forEach(p -> refusals.merge(rules.verdict(p, demand), 1, Integer::sum));
        checkProposal(seed, rules, pool, demand, proposal);
        for (Candidate invitee : proposal.invitees()) {
          Pooled before = pool.get(invitee.expert().id());
          List<Commitment> commitments = new ArrayList<>(before.commitments());
          commitments.add(new Commitment(demand.session(), demand.session().hours()));
          pool.put(before.expert().id(), new Pooled(before.expert(), before.firstTimer(), before.conflicted(),
              commitments));
        }
        invitations += proposal.invitees().size();
        sessions++;
      }
      for (Pooled pooled : pool.values()) {
        checkNeverDoubleBooked(seed, pooled);
        checkNeverOverCap(seed, rules, pooled);
      }
    }
    // The properties would hold vacuously if nobody were ever proposed, or nobody ever came near the limits.
    assertThat(invitations).as("invitations over %d sessions", sessions).isGreaterThan(sessions / 2);
    assertThat(refusals.getOrDefault(MatchingRules.Verdict.AT_CAP, 0)).as("refused at the cap").isGreaterThan(100);
    assertThat(refusals.getOrDefault(MatchingRules.Verdict.DOUBLE_BOOKED, 0)).as("refused as booked").isGreaterThan(100);
  }

  private static void checkProposal(long seed, MatchingRules rules, Map<Long, Pooled> pool, Demand demand,
      Proposal proposal) {
    String context = "seed " + seed + ", " + demand;
    List<Candidate> invitees = proposal.invitees();
    assertThat(invitees).as(context).extracting(c -> c.expert().id()).doesNotHaveDuplicates();
    assertThat(invitees.stream().filter(c -> !c.buddy()).count()).as(context).isLessThanOrEqualTo(demand.places());
    LocalDate day = demand.session().day();
    for (Candidate invitee : invitees) {
      Pooled pooled = pool.get(invitee.expert().id());
      assertThat(pooled.expert().isClearedFor(day)).as(context + " cleared: " + invitee).isTrue();
      assertThat(pooled.conflicted()).as(context + " conflicted: " + invitee).isFalse();
      assertThat(MatchingRules.isDoubleBooked(pooled, demand.session())).as(context + " booked: " + invitee).isFalse();
      assertThat(rules.withinCap(pooled, demand.session())).as(context + " cap: " + invitee).isTrue();
      if (invitee.buddy()) {
        assertThat(pooled.firstTimer()).as(context + " buddy is experienced: " + invitee).isFalse();
      } else if (!demand.livedExperience().isEmpty()) {
        assertThat(pooled.expert().livedExperience()).as(context + " relevant: " + invitee)
            .containsAnyElementsOf(demand.livedExperience());
      }
    }
    Set<String> buddies = new HashSet<>();
    for (Candidate newcomer : invitees.stream().filter(Candidate::firstTimer).toList()) {
      String pairing = proposal.notes().stream()
          .filter(n -> n.startsWith(newcomer.expert().ref() + " comes for the first time, with ")).findFirst()
          .orElseThrow(() -> new AssertionError(context + ": newcomer without a buddy " + newcomer));
      String buddy = pairing.replaceAll(".* with (EX-\\d+) as their buddy\\.", "$1");
      assertThat(invitees).as(context + " buddy invited").anyMatch(c -> c.expert().ref().equals(buddy) && !c.firstTimer());
      assertThat(buddies.add(buddy)).as(context + " one newcomer per buddy").isTrue();
    }
  }

  private static void checkNeverDoubleBooked(long seed, Pooled pooled) {
    List<Commitment> all = pooled.commitments();
    for (int i = 0; i < all.size(); i++) {
      for (int j = i + 1; j < all.size(); j++) {
        assertThat(all.get(i).session().overlaps(all.get(j).session()))
            .as("seed %d: %s booked for %s and %s", seed, pooled.expert().ref(), all.get(i), all.get(j)).isFalse();
      }
    }
  }

  private static void checkNeverOverCap(long seed, MatchingRules rules, Pooled pooled) {
    for (Commitment commitment : pooled.commitments()) {
      LocalDate day = commitment.session().day();
      for (LocalDate end = day; end.isBefore(day.plusDays(MatchingRules.WINDOW_DAYS)); end = end.plusDays(1)) {
        assertThat(MatchingRules.hoursInWindow(pooled.commitments(), end))
            .as("seed %d: %s in the 90 days to %s", seed, pooled.expert().ref(), end)
            .isLessThanOrEqualTo(rules.capHours());
      }
    }
  }

  private static Map<Long, Pooled> randomPool(Random random, MatchingRules rules) {
    int size = 3 + random.nextInt(10);
    Map<Long, Pooled> pool = new HashMap<>();
    for (long id = 1; id <= size; id++) {
      int statusRoll = random.nextInt(10);
      ExpertStatus status = statusRoll < 8 ? ExpertStatus.ACTIVE : statusRoll == 8 ? ExpertStatus.PAUSED : ExpertStatus.LEFT;
      LocalDate pausedUntil = status == ExpertStatus.PAUSED && random.nextBoolean() ? BASE.plusDays(random.nextInt(120)) : null;
      boolean experienced = random.nextInt(10) < 7;
      String buddy = !experienced && random.nextBoolean() ? PoolFixture.ref(1 + random.nextInt(size)) : null;
      Expert expert = new Expert(id, PoolFixture.ref(id), null, "Expert " + id, ContactChannel.EMAIL,
          randomAreas(random, 1), "payment", BASE.plusDays(random.nextInt(240) - 30),
          BASE.plusDays(random.nextInt(240) - 30), buddy, experienced, status, pausedUntil, random.nextInt(20) == 0);
      Pooled pooled = new Pooled(expert, !experienced, random.nextInt(10) == 0, List.of());
      // A history that itself keeps the rules: matching only promises not to break them.
      int history = random.nextInt(6);
      for (int i = 0; i < history; i++) {
        Session past = randomSession(random);
        if (!MatchingRules.isDoubleBooked(pooled, past) && rules.withinCap(pooled, past)) {
          List<Commitment> commitments = new ArrayList<>(pooled.commitments());
          commitments.add(new Commitment(past, past.hours()));
          pooled = new Pooled(expert, pooled.firstTimer(), pooled.conflicted(), commitments);
        }
      }
      pool.put(id, pooled);
    }
    return pool;
  }

  private static Demand randomDemand(Random random) {
    return new Demand(randomSession(random), 1 + random.nextInt(4), randomAreas(random, 0), Set.of());
  }

  private static Session randomSession(Random random) {
    LocalDateTime start = BASE.plusDays(random.nextInt(100) - 30).atTime(7 + random.nextInt(15), 30 * random.nextInt(2));
    return new Session(start, 1 + random.nextInt(8));
  }

  private static Set<String> randomAreas(Random random, int atLeast) {
    Set<String> areas = new LinkedHashSet<>();
    for (String area : AREAS) {
      if (random.nextInt(3) == 0) {
        areas.add(area);
      }
    }
    while (areas.size() < atLeast) {
      areas.add(AREAS.get(random.nextInt(AREAS.size())));
    }
    return areas;
  }
}
