package org.coproduced.commissioning.involvement.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coproduced.commissioning.involvement.matching.PoolFixture.SESSION_DAY;
import static org.coproduced.commissioning.involvement.matching.PoolFixture.SESSION_START;
import static org.coproduced.commissioning.involvement.matching.PoolFixture.demand;
import static org.coproduced.commissioning.involvement.matching.PoolFixture.expert;

import java.util.List;
import java.util.Set;
import org.coproduced.commissioning.experts.ExpertStatus;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Commitment;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Demand;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Pooled;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Session;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Verdict;
import org.junit.jupiter.api.Test;

/**
 * Each reason a coordinator reads for someone not proposed, with the facts behind it, for a
 * session on 10 March 2027, 10:00 to 12:00, 2 hours, cap 24 hours.
 */
class NotProposedReasonsTest {

  final MatchingRules rules = new MatchingRules(24);
  final NotProposedReasons reasons = new NotProposedReasons(rules);
  final Demand demand = demand(1, "homelessness");

  private NotProposed explain(Pooled pooled, List<Pooled> pool, Set<Long> canBuddy) {
    return reasons.explain(pooled, demand, pool, canBuddy, "Offending");
  }

  private NotProposed explain(Pooled pooled) {
    return explain(pooled, List.of(pooled), Set.of());
  }

  @Test
  void someoneBookedAtAnOverlappingTimeIsToldWhichSessionAndWhen() {
    Pooled booked = new Pooled(expert(1).build().expert(), false, false,
        List.of(new Commitment(new Session(SESSION_START.plusHours(1), 3), 3, 42L)));

    NotProposed reason = explain(booked);

    assertThat(reason.verdict()).isEqualTo(Verdict.DOUBLE_BOOKED);
    assertThat(reason.canCome()).isFalse();
    assertThat(reason.why()).isEqualTo(
        "They are booked for the session of request 42 on 10 Mar 2027, 11:00 to 14:00, which overlaps this one.");
    assertThat(reason.otherRequestId()).isEqualTo(42L);
    assertThat(reason.whatCouldChange()).contains("could move");
  }

  @Test
  void someoneNearTheLimitIsToldTheirHoursAndTheLimit() {
    Pooled busy = expert(1).committed(SESSION_START.minusDays(30), 23).build();

    NotProposed reason = explain(busy);

    assertThat(reason.verdict()).isEqualTo(Verdict.AT_CAP);
    assertThat(reason.why()).contains("they have 23 hours in the 90 days around it, the session adds 2, and the "
        + "limit is 24");
    assertThat(reason.whatCouldChange()).contains("add them by hand");
  }

  @Test
  void hoursBookedAfterTheSessionCountInTheBusiestWindow() {
    Pooled later = expert(1).committed(SESSION_START.minusDays(80), 10).committed(SESSION_START.plusDays(60), 23).build();

    // The 90 days up to the session hold 10 hours; the 90 days up to the later session hold 23.
    assertThat(MatchingRules.busiestWindowHours(later, demand.session())).isEqualTo(23);
    assertThat(explain(later).why()).contains("they have 23 hours in the 90 days around it");
  }

  @Test
  void aConsentOrWellbeingReviewDueBeforeTheSessionIsNamedWithItsDate() {
    NotProposed consent = explain(expert(1).consentReview(SESSION_DAY.minusDays(3)).build());
    NotProposed noConsent = explain(expert(2).consentReview(null).build());
    NotProposed wellbeing = explain(expert(3).wellbeingReview(SESSION_DAY.minusDays(1)).build());

    assertThat(consent.verdict()).isEqualTo(Verdict.CONSENT_NOT_CURRENT);
    assertThat(consent.why()).isEqualTo("Their consent needs renewing on 7 Mar 2027, before the session.");
    assertThat(noConsent.why()).isEqualTo("We have no consent on record for them.");
    assertThat(wellbeing.verdict()).isEqualTo(Verdict.WELLBEING_NOT_CURRENT);
    assertThat(wellbeing.why()).isEqualTo("Their wellbeing check is due on 9 Mar 2027, before the session.");
    assertThat(wellbeing.whatCouldChange()).isEqualTo("Hold the check with them before the session, then record it.");
  }

  @Test
  void aBreakSaysUntilWhenOrThatItHasNoEnd() {
    NotProposed until = explain(expert(1).status(ExpertStatus.PAUSED, SESSION_DAY.plusDays(5)).build());
    NotProposed open = explain(expert(2).status(ExpertStatus.PAUSED, null).build());

    assertThat(until.verdict()).isEqualTo(Verdict.NOT_ACTIVE);
    assertThat(until.why()).isEqualTo("Taking a break until 15 Mar 2027.");
    assertThat(until.whatCouldChange()).contains("after that day");
    assertThat(open.why()).isEqualTo("Taking a break, with no end date set.");
  }

  @Test
  void aDeclaredConflictKeepsThemOutOfThisCycleOnly() {
    NotProposed reason = explain(expert(1).conflicted().build());

    assertThat(reason.verdict()).isEqualTo(Verdict.CONFLICTED);
    assertThat(reason.why()).isEqualTo("They declared a conflict of interest in this cycle.");
    assertThat(reason.whatCouldChange()).contains("other cycles");
  }

  @Test
  void noSharedLivedExperienceSaysTheirsAndThatTheyCanBeAddedByHand() {
    NotProposed reason = explain(expert(1).areas("offending").build());

    assertThat(reason.verdict()).isEqualTo(Verdict.NO_RELEVANT_EXPERIENCE);
    assertThat(reason.why()).isEqualTo("They share none of the lived experience asked for. Theirs: Offending.");
    assertThat(reason.whatCouldChange()).contains("add them by hand");
  }

  @Test
  void aNewcomerWithNobodyExperiencedFreeIsToldThereIsNoBuddy() {
    Pooled newcomer = expert(1).newcomer(null).build();
    Pooled busyBuddy = expert(2).committed(SESSION_START, 2).build();

    NotProposed reason = explain(newcomer, List.of(newcomer, busyBuddy), Set.of());

    assertThat(reason.verdict()).isEqualTo(Verdict.ELIGIBLE);
    assertThat(reason.canCome()).isFalse();
    assertThat(reason.why()).isEqualTo("It would be their first time, and no experienced buddy is free then.");
  }

  @Test
  void aNewcomerCanComeWhenSomeoneExperiencedIsFreeOrAlreadyComingWithoutANewcomer() {
    Pooled newcomer = expert(1).newcomer(null).build();
    Pooled free = expert(2).build();
    Pooled coming = expert(3).build();

    assertThat(explain(newcomer, List.of(newcomer, free), Set.of()).canCome()).isTrue();
    // On the proposal already (so asked), and nobody's buddy yet.
    Demand asked = new Demand(demand.session(), 1, demand.livedExperience(), Set.of(3L));
    assertThat(reasons.explain(newcomer, asked, List.of(newcomer, coming), Set.of(3L), "").canCome()).isTrue();
    assertThat(reasons.explain(newcomer, asked, List.of(newcomer, coming), Set.of(), "").canCome()).isFalse();
  }

  @Test
  void someoneWhoCouldComeIsToldThePlacesWentToPeopleWithFewerHours() {
    NotProposed reason = explain(expert(1).committed(SESSION_START.minusDays(10), 4).build());

    assertThat(reason.canCome()).isTrue();
    assertThat(reason.recentHours()).isEqualTo(4);
    assertThat(reason.why()).isEqualTo("They could come. The places went to people who gave fewer hours lately.");
  }
}
