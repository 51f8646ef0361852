package org.coproduced.commissioning.involvement.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coproduced.commissioning.involvement.matching.PoolFixture.SESSION_DAY;
import static org.coproduced.commissioning.involvement.matching.PoolFixture.SESSION_START;
import static org.coproduced.commissioning.involvement.matching.PoolFixture.demand;
import static org.coproduced.commissioning.involvement.matching.PoolFixture.expert;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.coproduced.commissioning.experts.ExpertStatus;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Candidate;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Demand;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Pooled;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Proposal;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Session;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Each matching rule on a table of cases: a session on 10 March 2027, 10:00 to 12:00, cap 24 hours. */
class MatchingRulesTest {

  static final int CAP = 24;
  final MatchingRules rules = new MatchingRules(CAP);

  static Stream<Arguments> eligibility() {
    Demand homelessness = demand(2, "homelessness");
    return Stream.of(
        arguments("active, cleared, relevant", expert(1).build(), homelessness, Verdict.ELIGIBLE),
        arguments("paused with no end", expert(1).status(ExpertStatus.PAUSED, null).build(), homelessness,
            Verdict.NOT_ACTIVE),
        arguments("paused until the day before", expert(1).status(ExpertStatus.PAUSED, SESSION_DAY.minusDays(1)).build(),
            homelessness, Verdict.ELIGIBLE),
        arguments("paused until the session day", expert(1).status(ExpertStatus.PAUSED, SESSION_DAY).build(),
            homelessness, Verdict.NOT_ACTIVE),
        arguments("left", expert(1).status(ExpertStatus.LEFT, null).build(), homelessness, Verdict.NOT_ACTIVE),
        arguments("erased", expert(1).erased().build(), homelessness, Verdict.NOT_ACTIVE),
        arguments("consent review the day before", expert(1).consentReview(SESSION_DAY.minusDays(1)).build(),
            homelessness, Verdict.CONSENT_NOT_CURRENT),
        arguments("consent review on the day", expert(1).consentReview(SESSION_DAY).build(), homelessness,
            Verdict.ELIGIBLE),
        arguments("no consent recorded", expert(1).consentReview(null).build(), homelessness,
            Verdict.CONSENT_NOT_CURRENT),
        arguments("wellbeing review the day before", expert(1).wellbeingReview(SESSION_DAY.minusDays(1)).build(),
            homelessness, Verdict.WELLBEING_NOT_CURRENT),
        arguments("wellbeing review on the day", expert(1).wellbeingReview(SESSION_DAY).build(), homelessness,
            Verdict.ELIGIBLE),
        arguments("no lived experience asked for", expert(1).areas("offending").build(), homelessness,
            Verdict.NO_RELEVANT_EXPERIENCE),
        arguments("one of two areas asked for", expert(1).areas("offending").build(),
            demand(2, "homelessness", "offending"), Verdict.ELIGIBLE),
        arguments("request names no area", expert(1).areas("offending").build(), demand(2), Verdict.ELIGIBLE),
        arguments("conflict of interest", expert(1).conflicted().build(), homelessness, Verdict.CONFLICTED),
        arguments("already asked", expert(1).build(),
            new Demand(homelessness.session(), 2, homelessness.livedExperience(), Set.of(1L)), Verdict.ALREADY_ASKED),
        arguments("another session 11:00 to 13:00", expert(1).committed(SESSION_START.plusHours(1), 2).build(),
            homelessness, Verdict.DOUBLE_BOOKED),
        arguments("another session 09:00 to 17:00", expert(1).committed(SESSION_START.minusHours(1), 8).build(),
            homelessness, Verdict.DOUBLE_BOOKED),
        arguments("another session the same afternoon", expert(1).committed(SESSION_START.plusHours(4), 2).build(),
            homelessness, Verdict.ELIGIBLE),
        arguments("another session ending as this starts", expert(1).committed(SESSION_START.minusHours(2), 2).build(),
            homelessness, Verdict.ELIGIBLE),
        arguments("a late session running past midnight into this one",
            expert(1).committed(SESSION_DAY.minusDays(1).atTime(22, 0), 4).build(),
            demand(new Session(SESSION_DAY.atTime(1, 0), 2), 1, "homelessness"), Verdict.DOUBLE_BOOKED),
        arguments("22 hours in the last 90 days: 24 with this one", expert(1)
            .committed(SESSION_START.minusDays(30), 12).committed(SESSION_START.minusDays(89), 10).build(),
            homelessness, Verdict.ELIGIBLE),
        arguments("23 hours in the last 90 days: 25 with this one", expert(1)
            .committed(SESSION_START.minusDays(30), 12).committed(SESSION_START.minusDays(89), 11).build(),
            homelessness, Verdict.AT_CAP),
        arguments("23 hours, but 90 days ago: outside the window", expert(1)
            .committed(SESSION_START.minusDays(30), 12).committed(SESSION_START.minusDays(90), 11).build(),
            homelessness, Verdict.ELIGIBLE),
        arguments("23 hours booked within the next 89 days", expert(1)
            .committed(SESSION_START.plusDays(20), 12).committed(SESSION_START.plusDays(89), 11).build(),
            homelessness, Verdict.AT_CAP),
        arguments("23 hours booked, the last 90 days later", expert(1)
            .committed(SESSION_START.plusDays(20), 12).committed(SESSION_START.plusDays(90), 11).build(),
            homelessness, Verdict.ELIGIBLE),
        arguments("12 hours either side, 100 days apart: no 90 days hold both", expert(1)
            .committed(SESSION_START.minusDays(50), 11).committed(SESSION_START.plusDays(50), 11).build(),
            homelessness, Verdict.ELIGIBLE),
        arguments("11 hours 50 days before and 12 hours 39 days after", expert(1)
            .committed(SESSION_START.minusDays(50), 11).committed(SESSION_START.plusDays(39), 12).build(),
            homelessness, Verdict.AT_CAP));
  }

  @ParameterizedTest(name = "{0}: {3}")
  @MethodSource("eligibility")
  void eachRuleDecidesWhoCanBeAsked(String description, Pooled pooled, Demand demand, Verdict expected) {
    assertThat(rules.verdict(pooled, demand)).isEqualTo(expected);
    assertThat(rules.ranked(List.of(pooled), demand)).hasSize(expected == Verdict.ELIGIBLE ? 1 : 0);
  }

  @ParameterizedTest(name = "{0} to {1} hours against 10:00 for 2 hours: {2}")
  @CsvSource({
      "2027-03-10T08:00, 2, false",
      "2027-03-10T08:00, 3, true",
      "2027-03-10T10:00, 1, true",
      "2027-03-10T11:59, 1, true",
      "2027-03-10T12:00, 4, false",
      "2027-03-09T10:00, 2, false",
      "2027-03-09T23:00, 8, false",
      "2027-03-10T02:00, 8, false",
      "2027-03-10T03:00, 8, true"})
  void sessionsOverlapOnlyWhenTheirTimesDo(LocalDateTime start, int hours, boolean overlaps) {
    Session ours = new Session(SESSION_START, 2);
    Session other = new Session(start, hours);

    assertThat(ours.overlaps(other)).isEqualTo(overlaps);
    assertThat(other.overlaps(ours)).isEqualTo(overlaps);
  }

  @ParameterizedTest(name = "hours {0} give the order {1}")
  @CsvSource(delimiter = ';', value = {
      "0,0,0; EX-0001,EX-0002,EX-0003",
      "6,0,3; EX-0002,EX-0003,EX-0001",
      "4,4,2; EX-0003,EX-0001,EX-0002",
      "9,8,8; EX-0002,EX-0003,EX-0001"})
  void fewestRecentHoursFirstThenTheReference(String hours, String expectedOrder) {
    String[] given = hours.split(",");
    List<Pooled> pool = List.of(3, 1, 2).stream()
        .map(id -> expert(id).committed(SESSION_START.minusDays(10), Integer.parseInt(given[id - 1])).build())
        .toList();

    List<String> order = rules.ranked(pool, demand(3, "homelessness")).stream()
        .map(c -> c.expert().ref()).toList();

    assertThat(order).containsExactly(expectedOrder.split(","));
  }

  @Test
  void theFairestFillThePlaces() {
    List<Pooled> pool = List.of(
        expert(1).committed(SESSION_START.minusDays(5), 6).build(),
        expert(2).build(),
        expert(3).committed(SESSION_START.minusDays(5), 2).build());

    Proposal proposal = rules.propose(pool, demand(2, "homelessness"));

    assertThat(proposal.invitees()).extracting(c -> c.expert().ref()).containsExactly("EX-0002", "EX-0003");
    assertThat(proposal.notes()).isEmpty();
  }

  @Test
  void aNewcomerComesWithTheirNamedBuddyWhoTakesNoPlace() {
    List<Pooled> pool = List.of(
        expert(1).build(),
        expert(2).committed(SESSION_START.minusDays(5), 8).build(),
        expert(3).newcomer("EX-0002").build());

    Proposal proposal = rules.propose(pool, demand(2, "homelessness"));

    assertThat(proposal.invitees()).extracting(c -> c.expert().ref() + (c.buddy() ? " buddy" : ""))
        .containsExactly("EX-0001", "EX-0003", "EX-0002 buddy");
  }

  @Test
  void whenTheNamedBuddyIsBusyTheFairestExperiencedExpertFreeGoesEvenWithoutTheLivedExperience() {
    List<Pooled> pool = List.of(
        expert(2).committed(SESSION_START, 2).build(),
        expert(3).newcomer("EX-0002").build(),
        expert(4).areas("offending").build());

    Proposal proposal = rules.propose(pool, demand(1, "homelessness"));

    assertThat(proposal.invitees()).extracting(c -> c.expert().ref() + (c.buddy() ? " buddy" : ""))
        .containsExactly("EX-0003", "EX-0004 buddy");
  }

  @Test
  void aNewcomerWithNoBuddyFreeIsLeftOutAndTheCoordinatorIsTold() {
    List<Pooled> pool = List.of(
        expert(1).newcomer(null).build(),
        expert(2).wellbeingReview(SESSION_DAY.minusDays(1)).build());

    Proposal proposal = rules.propose(pool, demand(1, "homelessness"));

    assertThat(proposal.invitees()).isEmpty();
    assertThat(proposal.notes()).singleElement().asString()
        .contains("EX-0001").contains("no experienced buddy is free");
  }

  @Test
  void someoneExperiencedWhoIsComingAnywayBuddiesOneNewcomerOnly() {
    List<Pooled> pool = List.of(
        expert(1).build(),
        expert(2).newcomer("EX-0001").build(),
        expert(3).newcomer("EX-0001").build());

    Proposal proposal = rules.propose(pool, demand(3, "homelessness"));

    assertThat(proposal.invitees()).extracting(c -> c.expert().ref() + (c.buddy() ? " buddy" : ""))
        .containsExactly("EX-0001", "EX-0002");
    assertThat(proposal.notes()).containsExactly(
        "EX-0002 comes for the first time, with EX-0001 as their buddy.",
        "EX-0003 was not proposed: it would be their first time and no experienced buddy is free then.");
  }

  @ParameterizedTest(name = "asked for {0}: covered {1}, not covered {2}")
  @CsvSource(delimiter = ';', value = {
      "homelessness; homelessness; ''",
      "homelessness,offending; homelessness,offending; ''",
      "homelessness,domestic-abuse; homelessness; domestic-abuse",
      "domestic-abuse,drugs-alcohol; ''; domestic-abuse,drugs-alcohol"})
  void theProposalSaysWhichLivedExperienceItCoversAndWhichNot(String asked, String covered, String uncovered) {
    List<Pooled> pool = List.of(expert(1).areas("homelessness").build(), expert(2).areas("offending").build());
    Demand demand = new Demand(new Session(SESSION_START, 2), 2, new LinkedHashSet<>(List.of(asked.split(","))),
        Set.of());

    Proposal proposal = rules.propose(pool, demand);

    assertThat(proposal.coveredAreas()).containsExactlyElementsOf(split(covered));
    assertThat(proposal.uncoveredAreas()).containsExactlyElementsOf(split(uncovered));
  }

  @Test
  void aReplacementIsTheFairestExperiencedExpertLeft() {
    List<Pooled> pool = List.of(
        expert(1).newcomer("EX-0002").build(),
        expert(2).committed(SESSION_START.minusDays(3), 4).build(),
        expert(3).committed(SESSION_START.minusDays(3), 6).build());
    Demand demand = new Demand(new Session(SESSION_START, 2), 1, Set.of("homelessness"), Set.of(2L));

    assertThat(rules.replacement(pool, demand)).map(c -> c.expert().ref()).contains("EX-0003");
  }

  private static List<String> split(String values) {
    return values.isEmpty() ? List.of() : List.of(values.split(","));
  }
}
