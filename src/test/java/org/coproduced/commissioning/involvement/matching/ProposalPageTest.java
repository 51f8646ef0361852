package org.coproduced.commissioning.involvement.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.coproduced.commissioning.experts.Expert;
import org.coproduced.commissioning.experts.LivedExperienceAreas;
import org.coproduced.commissioning.involvement.invitation.InvitationStatus;
import org.coproduced.commissioning.procurement.ProcurementRepository;
import org.coproduced.commissioning.support.ApplicationTest;
import org.coproduced.commissioning.support.CycleDriver;
import org.coproduced.commissioning.support.PoolFixtures;
import org.coproduced.commissioning.support.WebSession;
import org.coproduced.commissioning.web.PageDates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The proposal page as a coordinator reads it when nobody could be proposed: it says so, and for
 * each person in the pool why not and what could change it, never just "nobody is eligible".
 */
@ApplicationTest
class ProposalPageTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired LivedExperienceAreas areas;
  @Autowired ProcurementRepository procurement;
  @Autowired JdbcClient jdbc;

  PoolFixtures fixtures;
  String area;
  long cycleId;
  LocalDate day;

  @BeforeEach
  void setUp() {
    fixtures = new PoolFixtures(context);
    area = areas.add("Proposal page test area").code();
    cycleId = fixtures.cycle("Proposal page test");
    day = CycleDriver.nextSessionDate();
  }

  @AfterEach
  void tearDown() {
    fixtures.retireAll();
    areas.retire(area);
  }

  @Test
  void whenNobodyIsProposedThePageSaysWhyForEachPersonAndWhatCouldChangeIt() throws Exception {
    Expert booked = fixtures.expert("payment", area);
    Expert conflicted = fixtures.expert("payment", area);
    Expert resting = fixtures.expert("payment", area);
    long other = fixtures.session(cycleId, "ANALYSE", day, "09:30", 2, "in-person", 1, area);
    fixtures.booked(other, booked, InvitationStatus.INVITED);
    procurement.saveDeclaration(cycleId, conflicted.ref(), true, null, "I volunteer for a bidder");
    jdbc.sql("UPDATE cc_expert SET status = 'PAUSED', paused_until = ? WHERE id = ?")
        .params(day.plusDays(10), resting.id()).update();
    long session = fixtures.session(cycleId, "ANALYSE", day, "10:00", 2, "in-person", 1, area);

    WebSession coordinator = WebSession.open(port, "tasklist");
    assertThat(coordinator.trySignIn("tasklist", "coordinator", "demo")).isEqualTo(200);
    HttpResponse<String> page = coordinator.get("/app/requests/" + session + "/proposal");

    assertThat(page.statusCode()).isEqualTo(200);
    String body = page.body();
    assertThat(body).contains("Nobody is proposed for this session.", "Who cannot come this time, and why")
        .doesNotContain("Nobody else is eligible");
    assertThat(body).contains(booked.ref(), "They are booked for the session of request " + other + " on "
        + PageDates.FORMAT.format(day) + ", 09:30 to 11:30, which overlaps this one.",
        "href=\"/app/requests/" + other + "/proposal\"", "If either session could move, they may be free.");
    assertThat(body).contains(conflicted.ref(), "They declared a conflict of interest in this cycle.");
    assertThat(body).contains(resting.ref(), "Taking a break until " + PageDates.FORMAT.format(day.plusDays(10)) + ".");
    assertThat(body).as("the demo pool shares none of this test's area")
        .contains("They share none of the lived experience asked for.", "You can still add them by hand");
  }

  @Test
  void theConfirmWhoToInviteFormLinksToTheProposalPageOfItsRequest() throws Exception {
    String form = java.nio.file.Files.readString(java.nio.file.Path.of("forms/confirm-experts.form"));

    assertThat(form).contains("why others are not proposed](/app/requests/{{requestId}}/proposal)");
  }
}
