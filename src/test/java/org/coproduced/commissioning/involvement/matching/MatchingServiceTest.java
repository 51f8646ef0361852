package org.coproduced.commissioning.involvement.matching;

import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.aftercare.CheckInRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationStatus;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.coproduced.commissioning.experts.Expert;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.experts.LivedExperienceAreas;
import org.coproduced.commissioning.procurement.Bid;
import org.coproduced.commissioning.procurement.ProcurementRepository;
import org.coproduced.commissioning.support.ApplicationTest;
import org.coproduced.commissioning.support.CycleDriver;
import org.coproduced.commissioning.support.PoolFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Matching on the application's tables: bookings by time of day, hours given and booked against
 * the cap, conflicts of interest from declarations and from interests experts declared, and who
 * counts as new. Every expert here shares an area nobody else has, so the demo pool stays out.
 */
@ApplicationTest
class MatchingServiceTest {

  @Autowired ApplicationContext context;
  @Autowired MatchingService matching;
  @Autowired ExpertRepository experts;
  @Autowired InvitationRepository invitations;
  @Autowired MatchingQueries queries;
  @Autowired DeclaredConflicts conflicts;
  @Autowired CheckInRepository checkIns;
  @Autowired InvolvementRequestRepository requests;
  @Autowired ProcurementRepository procurement;
  @Autowired LivedExperienceAreas areas;
  @Autowired JdbcClient jdbc;
  @Autowired org.coproduced.commissioning.involvement.recompense.WorkRecorder work;

  PoolFixtures fixtures;
  String area;
  long cycleId;
  LocalDate day;

  @BeforeEach
  void setUp() {
    fixtures = new PoolFixtures(context);
    area = areas.add("Matching test area").code();
    cycleId = fixtures.cycle("Matching test");
    day = CycleDriver.nextSessionDate();
  }

  @AfterEach
  void tearDown() {
    fixtures.retireAll();
    areas.retire(area);
  }

  @Test
  void anExpertBookedInTheMorningCanComeInTheAfternoonButNotAtAnOverlappingTime() {
    Expert expert = fixtures.expert("payment", area);
    long morning = fixtures.session(cycleId, "ANALYSE", day, "10:00", 2, "in-person", 1, area);
    fixtures.booked(morning, expert, InvitationStatus.ACCEPTED);
    long afternoon = fixtures.session(cycleId, "ANALYSE", day, "14:00", 2, "in-person", 1, area);
    long overlapping = fixtures.session(cycleId, "ANALYSE", day, "11:30", 2, "in-person", 1, area);

    assertThat(refs(matching.eligible(requests.get(afternoon)))).containsExactly(expert.ref());
    assertThat(refs(matching.eligible(requests.get(overlapping)))).isEmpty();
    assertThat(matching.checkAddition(requests.get(overlapping), expert)).isEqualTo(MatchingRules.Verdict.DOUBLE_BOOKED);
  }

  @Test
  void aDeclinedOrWithdrawnInvitationBooksNothing() {
    Expert declined = fixtures.expert("payment", area);
    Expert withdrawn = fixtures.expert("payment", area);
    long morning = fixtures.session(cycleId, "ANALYSE", day, "10:00", 2, "in-person", 2, area);
    fixtures.booked(morning, declined, InvitationStatus.DECLINED);
    fixtures.booked(morning, withdrawn, InvitationStatus.WITHDRAWN);
    long same = fixtures.session(cycleId, "ANALYSE", day, "10:00", 2, "in-person", 2, area);

    assertThat(refs(matching.eligible(requests.get(same)))).containsExactly(declined.ref(), withdrawn.ref());
  }

  @Test
  void hoursGivenAndBookedCountTowardsTheCapAndTheFairShare() {
    MatchingService capped = new MatchingService(experts, invitations, queries, conflicts,
        new MatchingProperties(6, new BigDecimal("13.45")), checkIns);
    Expert gave = fixtures.expert("payment", area);
    Expert booked = fixtures.expert("payment", area);
    Expert fresh = fixtures.expert("payment", area);
    long past = fixtures.session(cycleId, "ANALYSE", day.minusDays(20), "10:00", 3, "online", 2, area);
    fixtures.attended(past, gave, 3, 1, InvitationRepository.Expenses.NONE);
    long earlier = fixtures.session(cycleId, "ANALYSE", day.minusDays(10), "10:00", 2, "online", 2, area);
    fixtures.booked(earlier, booked, InvitationStatus.INVITED);
    long session = fixtures.session(cycleId, "ANALYSE", day, "10:00", 2, "online", 3, area);

    List<MatchingRules.Candidate> eligible = capped.eligible(requests.get(session));

    // gave: 4 hours (3 at the session, 1 preparing) + 2 = 6, within the cap; booked: 2 + 2; fresh: 0.
    assertThat(refs(eligible)).containsExactly(fresh.ref(), booked.ref(), gave.ref());
    assertThat(eligible).extracting(MatchingRules.Candidate::recentHours).containsExactly(0, 2, 4);
    long longer = fixtures.session(cycleId, "ANALYSE", day.plusDays(1), "10:00", 3, "online", 3, area);
    assertThat(refs(capped.eligible(requests.get(longer)))).containsExactly(fresh.ref(), booked.ref());
  }

  @Test
  void reviewRoundsAndMeetingsCountTowardsTheLimitSoAnExpertNearItIsNoLongerProposed() {
    MatchingService capped = new MatchingService(experts, invitations, queries, conflicts,
        new MatchingProperties(6, new BigDecimal("13.45")), checkIns);
    Expert reviewer = fixtures.expert("payment", area);
    Expert other = fixtures.expert("payment", area);
    long past = fixtures.session(cycleId, "ANALYSE", day.minusDays(20), "10:00", 2, "online", 2, area);
    fixtures.attended(past, reviewer, 2, 0, InvitationRepository.Expenses.NONE);
    fixtures.attended(past, other, 2, 0, InvitationRepository.Expenses.NONE);
    long session = fixtures.session(cycleId, "ANALYSE", day, "10:00", 2, "online", 3, area);
    assertThat(refs(capped.eligible(requests.get(session)))).containsExactlyInAnyOrder(other.ref(), reviewer.ref());

    // Two review rounds of 2 hours each: 2 + 4 = 6 hours, and this session's 2 would make 8.
    work.recordSpecificationReview(cycleId, 1, reviewer.ref(), null, day.minusDays(10));
    work.recordSpecificationReview(cycleId, 2, reviewer.ref(), null, day.minusDays(5));

    List<MatchingRules.Candidate> eligible = capped.eligible(requests.get(session));
    assertThat(refs(eligible)).containsExactly(other.ref());
    assertThat(capped.checkAddition(requests.get(session), reviewer)).isEqualTo(MatchingRules.Verdict.AT_CAP);
    assertThat(capped.recentHours(requests.get(session), reviewer)).isEqualTo(6);
    // Work at home books no time of day: on the limit alone, they could still come that day.
    assertThat(MatchingRules.isDoubleBooked(new MatchingRules.Pooled(reviewer, false, false,
        List.of(MatchingRules.Commitment.workOn(day, 2))), MatchingService.sessionOf(requests.get(session)))).isFalse();

    // A meeting to agree the specification counts the same way: 2 + 3 hours, and this session would make 7.
    long nextDay = fixtures.session(cycleId, "ANALYSE", day.plusDays(1), "10:00", 2, "online", 3, area);
    assertThat(refs(capped.eligible(requests.get(nextDay)))).containsExactly(other.ref());
    work.recordMediationMeeting(cycleId, 2, List.of(other.ref()), 3, day.minusDays(3));
    assertThat(refs(capped.eligible(requests.get(nextDay)))).isEmpty();
  }

  @Test
  void aDeclaredConflictOrAnInterestInABidderKeepsAnExpertOutOfThatCycle() {
    Expert declared = fixtures.expert("payment", area);
    Expert connected = fixtures.expert("payment", area);
    Expert clear = fixtures.expert("payment", area);
    jdbc.sql("UPDATE cc_expert SET declared_interests = ? WHERE id = ?")
        .params("Volunteer at the  OPEN DOOR trust\nMember of a tenants' group", connected.id()).update();
    procurement.replaceBids(cycleId, List.of(new Bid(0, cycleId, 1, "Open Door Trust", new BigDecimal("950000"))));
    procurement.saveDeclaration(cycleId, declared.ref(), true, null, "My sister runs a bidder");
    long review = fixtures.session(cycleId, "COEVALUATION", day, "10:00", 2, "online", 3, area);
    long otherCycle = fixtures.session(fixtures.cycle("Another cycle"), "ANALYSE", day, "14:00", 2, "online", 3, area);

    assertThat(refs(matching.eligible(requests.get(review)))).containsExactly(clear.ref());
    assertThat(matching.checkAddition(requests.get(review), connected)).isEqualTo(MatchingRules.Verdict.CONFLICTED);
    assertThat(refs(matching.eligible(requests.get(otherCycle))))
        .containsExactly(declared.ref(), connected.ref(), clear.ref());
  }

  @Test
  void someoneNewIsProposedWithABuddyUntilTheyHaveTakenPart() {
    Expert buddy = fixtures.expert("payment", area);
    Expert newcomer = fixtures.expert("payment", false, area);
    jdbc.sql("UPDATE cc_expert SET buddy_ref = ? WHERE id = ?").params(buddy.ref(), newcomer.id()).update();
    long earlier = fixtures.session(cycleId, "ANALYSE", day.minusDays(7), "10:00", 2, "online", 1, area);
    fixtures.attended(earlier, buddy, 2, 0, InvitationRepository.Expenses.NONE);
    long first = fixtures.session(cycleId, "ANALYSE", day, "10:00", 2, "online", 1, area);

    MatchingRules.Proposal proposal = matching.propose(requests.get(first));

    assertThat(proposal.invitees()).extracting(c -> c.expert().ref() + (c.buddy() ? " buddy" : ""))
        .containsExactly(newcomer.ref(), buddy.ref() + " buddy");
    fixtures.attended(first, newcomer, 2, 0, InvitationRepository.Expenses.NONE);
    long second = fixtures.session(cycleId, "ANALYSE", day.plusDays(1), "10:00", 2, "online", 1, area);
    assertThat(matching.eligible(requests.get(second))).filteredOn(c -> c.expert().id() == newcomer.id())
        .singleElement().extracting(MatchingRules.Candidate::firstTimer).isEqualTo(false);
  }

  @Test
  void everyoneNotProposedIsToldWhyFromTheApplicationsTables() {
    Expert booked = fixtures.expert("payment", area);
    Expert busy = fixtures.expert("payment", area);
    Expert conflicted = fixtures.expert("payment", area);
    Expert resting = fixtures.expert("payment", area);
    Expert consent = fixtures.expert("payment", area);
    Expert wellbeing = fixtures.expert("payment", area);
    Expert elsewhere = fixtures.expert("payment", "housing-homelessness");
    Expert free = fixtures.expert("payment", area);
    long morning = fixtures.session(cycleId, "ANALYSE", day, "09:00", 2, "in-person", 1, area);
    fixtures.booked(morning, booked, InvitationStatus.ACCEPTED);
    long past = fixtures.session(cycleId, "ANALYSE", day.minusDays(20), "10:00", 20, "online", 1, area);
    fixtures.attended(past, busy, 20, 3, InvitationRepository.Expenses.NONE);
    procurement.saveDeclaration(cycleId, conflicted.ref(), true, null, "My cousin works for a bidder");
    jdbc.sql("UPDATE cc_expert SET status = 'PAUSED', paused_until = ? WHERE id = ?")
        .params(day.plusDays(3), resting.id()).update();
    jdbc.sql("UPDATE cc_expert SET consent_review_on = ? WHERE id = ?").params(day.minusDays(1), consent.id()).update();
    jdbc.sql("UPDATE cc_expert SET wellbeing_review_on = ? WHERE id = ?").params(day.minusDays(2), wellbeing.id())
        .update();
    long session = fixtures.session(cycleId, "ANALYSE", day, "10:00", 2, "in-person", 1, area);
    fixtures.booked(session, fixtures.expert("payment", area), InvitationStatus.PROPOSED);

    MatchingService capped = new MatchingService(experts, invitations, queries, conflicts,
        new MatchingProperties(24, new BigDecimal("13.45")), checkIns);
    java.util.Map<String, NotProposed> why = new java.util.HashMap<>();
    capped.notProposed(requests.get(session), codes -> String.join(", ", codes)).stream()
        .filter(n -> fixtures.made().contains(n.expert().id())).forEach(n -> why.put(n.expert().ref(), n));

    assertThat(why).containsOnlyKeys(booked.ref(), busy.ref(), conflicted.ref(), resting.ref(), consent.ref(),
        wellbeing.ref(), elsewhere.ref(), free.ref());
    assertThat(why.get(booked.ref()).why()).isEqualTo("They are booked for the session of request " + morning + " on "
        + org.coproduced.commissioning.web.PageDates.FORMAT.format(day) + ", 09:00 to 11:00, which overlaps this one.");
    assertThat(why.get(booked.ref()).otherRequestId()).isEqualTo(morning);
    assertThat(why.get(busy.ref()).why()).contains("they have 23 hours in the 90 days around it, the session adds 2,"
        + " and the limit is 24");
    assertThat(why.get(conflicted.ref()).verdict()).isEqualTo(MatchingRules.Verdict.CONFLICTED);
    assertThat(why.get(resting.ref()).why()).isEqualTo("Taking a break until "
        + org.coproduced.commissioning.web.PageDates.FORMAT.format(day.plusDays(3)) + ".");
    assertThat(why.get(consent.ref()).verdict()).isEqualTo(MatchingRules.Verdict.CONSENT_NOT_CURRENT);
    assertThat(why.get(wellbeing.ref()).verdict()).isEqualTo(MatchingRules.Verdict.WELLBEING_NOT_CURRENT);
    assertThat(why.get(elsewhere.ref()).why()).isEqualTo(
        "They share none of the lived experience asked for. Theirs: housing-homelessness.");
    assertThat(why.get(free.ref()).canCome()).isTrue();
    assertThat(why.values()).filteredOn(NotProposed::canCome).extracting(n -> n.expert().ref())
        .containsExactly(free.ref());
  }

  private static List<String> refs(List<MatchingRules.Candidate> candidates) {
    return candidates.stream().map(c -> c.expert().ref()).toList();
  }
}
