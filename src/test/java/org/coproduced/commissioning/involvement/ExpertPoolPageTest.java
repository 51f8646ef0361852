package org.coproduced.commissioning.involvement;

import org.coproduced.commissioning.web.PageDates;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.coproduced.commissioning.access.AccessTest;
import org.coproduced.commissioning.experts.Expert;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.involvement.recompense.LedgerEntry;
import org.coproduced.commissioning.involvement.recompense.RecompenseLedger;
import org.coproduced.commissioning.involvement.recompense.RecompenseRecorder;
import org.coproduced.commissioning.procurement.InterestDeclarationListener;
import org.coproduced.commissioning.procurement.ProcurementRepository;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.coproduced.commissioning.support.PoolFixtures;
import org.coproduced.commissioning.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The expert pool page and the declarations page, opened as people open them: signed in to
 * Tasklist, in a browser session. Coordinators see the pool without database access.
 */
@AccessTest
class ExpertPoolPageTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired RecompenseLedger ledger;
  @Autowired org.coproduced.commissioning.involvement.recompense.WorkRecorder work;
  @Autowired RecompenseRecorder recorder;
  @Autowired ExpertRepository experts;
  @Autowired JdbcClient jdbc;

  PoolFixtures fixtures;
  LocalDate today;

  @BeforeEach
  void setUp() {
    fixtures = new PoolFixtures(context);
    today = ProcessClock.today();
  }

  @AfterEach
  void tearDown() {
    fixtures.retireAll();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({"coordinator, 200", "admin, 200", "expert1, 403", "auditor, 403", "commissioner, 403"})
  void onlyCoordinatorsAndAdministratorsSeeThePool(String user, int status) throws Exception {
    HttpResponse<String> page = signedIn(user).get("/app/experts");

    assertThat(page.statusCode()).isEqualTo(status);
    if (status == 200) {
      assertThat(page.body()).contains("Expert pool", "EX-0001", "Asha Patel", "Hours, last 90 days");
    } else {
      assertThat(page.body()).doesNotContain("Asha Patel");
    }
  }

  @Test
  void someoneNotSignedInIsAskedToSignIn() throws Exception {
    HttpResponse<String> page = new WebSession(port).get("/app/experts");

    assertThat(page.statusCode()).isEqualTo(401);
    assertThat(page.body()).contains("Please sign in to Tasklist first");
  }

  @Test
  void reviewsDueHoursGivenAndBenefitsWarningsStandOut() throws Exception {
    Expert due = fixtures.expert("payment", "homelessness");
    jdbc.sql("UPDATE cc_expert SET wellbeing_review_on = ? WHERE id = ?").params(today.plusDays(10), due.id()).update();
    Expert busy = fixtures.expert("payment", "homelessness");
    long cycle = fixtures.cycle("Pool page test");
    for (int i = 0; i < 8; i++) {
      long session = fixtures.session(cycle, "ANALYSE", today.minusDays(3L + i * 10L), "10:00", 8, "online", 1,
          "homelessness");
      fixtures.attended(session, busy, 8, 0, InvitationRepository.Expenses.NONE);
      recorder.recordOwed(session);
    }

    String page = signedIn("coordinator").get("/app/experts").body();

    String attention = page.substring(page.indexOf("id=\"attention\""), page.indexOf("<h2>Everyone</h2>"));
    assertThat(attention).contains(due.ref(), "wellbeing check", "due " + PageDates.FORMAT.format(today.plusDays(10)));
    assertThat(attention).contains(busy.ref(), "benefits advice", "£860.80");
    String busyRow = row(page, busy.ref());
    assertThat(busyRow).contains("<td>64</td>", "£860.80", "near the limit: offer advice");
    assertThat(row(page, due.ref())).contains("class=\"due\"");
  }

  @Test
  void theExpertPageShowsReviewingTheSpecificationAsPaidWorkAndRecordsItsPayment() throws Exception {
    Expert expert = fixtures.expert("payment", "homelessness");
    long cycleId = fixtures.cycle("Paid review page test");
    work.recordSpecificationReview(cycleId, 1, expert.ref(), null, today.minusDays(1));
    LedgerEntry entry = ledger.entriesFor(expert.id()).get(0);
    WebSession coordinator = signedIn("coordinator");

    String page = coordinator.get("/app/experts/" + expert.ref()).body();
    assertThat(page).contains("2 reviewing the specification", "payment £26.90",
        "2 hours reviewing the specification, the usual time for this work").doesNotContain("at the session, 0 preparing");
    HttpResponse<String> paid = coordinator.postForm("/app/experts/" + expert.ref() + "/payments/" + entry.id(),
        "token", WebSession.formToken(page));

    assertThat(paid.statusCode()).isEqualTo(302);
    assertThat(ledger.findEntry(entry.id()).orElseThrow().isPaid()).isTrue();
    // The pool page's hours in the last 90 days count the review, as matching does.
    assertThat(row(coordinator.get("/app/experts").body(), expert.ref())).contains("<td>2</td>");
  }

  @Test
  void theExpertPageShowsContactsNotesAndPaymentsAndRecordsAPayment() throws Exception {
    Expert expert = fixtures.expert("voucher", "homelessness");
    jdbc.sql("UPDATE cc_expert SET wellbeing_notes = ? WHERE id = ?").params("Likes to sit by the window.", expert.id())
        .update();
    long session = fixtures.session(fixtures.cycle("Payment test"), "ANALYSE", today.minusDays(2), "10:00", 3,
        "online", 1, "homelessness");
    fixtures.attended(session, expert, 3, 0, PoolFixtures.expenses("6.20", "0", "0"));
    recorder.recordOwed(session);
    LedgerEntry entry = ledger.entriesFor(expert.id()).get(0);
    WebSession coordinator = signedIn("coordinator");

    String page = coordinator.get("/app/experts/" + expert.ref()).body();
    assertThat(page).contains(expert.ref().toLowerCase() + "@example.org", "Likes to sit by the window.",
        "voucher £40.35", "£6.20", "Record as paid");
    assertThat(signedIn("admin").get("/app/experts/" + expert.ref()).body())
        .contains(expert.ref().toLowerCase() + "@example.org").doesNotContain("Likes to sit by the window.")
        .doesNotContain("Record as paid");

    String path = "/app/experts/" + expert.ref() + "/payments/" + entry.id();
    assertThat(coordinator.postForm(path, "token", "forged").statusCode()).isEqualTo(403);
    assertThat(signedIn("admin").postForm(path, "token", "x").statusCode()).isEqualTo(403);
    HttpResponse<String> paid = coordinator.postForm(path, "token", WebSession.formToken(page));

    assertThat(paid.statusCode()).isEqualTo(302);
    LedgerEntry after = ledger.findEntry(entry.id()).orElseThrow();
    assertThat(after.isPaid()).isTrue();
    assertThat(after.paidBy()).isEqualTo("coordinator");
    assertThat(coordinator.get("/app/experts/" + expert.ref()).body()).contains("paid " + PageDates.FORMAT.format(today) + " by coordinator");
  }

  @Test
  void beforeAPaymentThatReachesTheWarningTheCoordinatorOffersBenefitsAdvice() throws Exception {
    Expert expert = fixtures.expert("payment", "homelessness");
    long cycle = fixtures.cycle("Benefits page test");
    for (int i = 0; i < 8; i++) {
      long session = fixtures.session(cycle, "ANALYSE", today.minusDays(3L + i * 10L), "10:00", 8, "online", 1,
          "homelessness");
      fixtures.attended(session, expert, 8, 0, InvitationRepository.Expenses.NONE);
      recorder.recordOwed(session);
    }
    LedgerEntry entry = ledger.entriesFor(expert.id()).get(0);
    WebSession coordinator = signedIn("coordinator");
    String page = coordinator.get("/app/experts/" + expert.ref()).body();
    assertThat(page).contains("close to the £1000.00 that may affect benefits", "I have offered benefits advice");
    String path = "/app/experts/" + expert.ref() + "/payments/" + entry.id();

    HttpResponse<String> refused = coordinator.postForm(path, "token", WebSession.formToken(page));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("Before paying, offer independent benefits advice");
    assertThat(ledger.findEntry(entry.id()).orElseThrow().isPaid()).isFalse();

    coordinator.postForm(path, "token", WebSession.formToken(page), "adviceOffered", "on");
    assertThat(ledger.findEntry(entry.id()).orElseThrow().isPaid()).isTrue();
    assertThat(experts.findProfile(expert.ref()).orElseThrow().benefitsAdviceOfferedOn()).isEqualTo(today);
  }

  @Test
  void coordinatorsAddAndRetireLivedExperienceAreas() throws Exception {
    WebSession coordinator = signedIn("coordinator");
    String token = WebSession.formToken(coordinator.get("/app/experts").body());

    assertThat(coordinator.postForm("/app/experts/areas", "token", token, "label", "Leaving care").statusCode())
        .isEqualTo(302);
    assertThat(coordinator.get("/app/experts").body()).contains("Leaving care");
    assertThat(coordinator.postForm("/app/experts/areas/leaving-care/retire", "token", token).statusCode())
        .isEqualTo(302);
    assertThat(coordinator.get("/app/experts").body()).contains("Leaving care</span>", "(retired)");
    assertThat(signedIn("expert1").postForm("/app/experts/areas", "token", token, "label", "X")
        .statusCode()).isEqualTo(403);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({"auditor, 200", "commissioner, 200", "coordinator, 200", "expert1, 403"})
  void declarationsOfInterestAreOpenToAuditors(String user, int status) throws Exception {
    long cycle = fixtures.cycle("Declarations page test");
    context.getBean(ProcurementRepository.class).replaceBids(cycle, java.util.List.of(
        new org.coproduced.commissioning.procurement.Bid(0, cycle, 1, "Open Door Trust", new java.math.BigDecimal("9"))));
    context.getBean(ProcurementRepository.class).saveDeclaration(cycle, "EX-0002", true,
        String.valueOf(context.getBean(ProcurementRepository.class).bids(cycle).get(0).id()), "Worked there in 2024.");
    context.getBean(ProcurementRepository.class).saveDeclaration(cycle, "officer:commissioner", false, null, null);

    HttpResponse<String> page = signedIn(user).get("/app/cycles/" + cycle + "/conflicts");

    assertThat(page.statusCode()).isEqualTo(status);
    if (status == 200) {
      assertThat(page.body()).contains("Declarations of interest", "EX-0002", "with <span>Open Door Trust</span>",
          "Worked there in 2024.", "officer:commissioner", "none declared", "in order");
    }
    assertThat(context.getBean(InterestDeclarationListener.class)).isNotNull();
  }

  @ParameterizedTest(name = "{0} links to the expert pool")
  @CsvSource({"start-expert-onboarding", "record-expert-details", "pause-expert", "record-expert-leaving",
      "erase-expert", "confirm-experts", "record-contribution"})
  void theFormsLinkToThePool(String form) throws Exception {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("forms/" + form + ".form")) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("(/app/experts");
    }
  }

  /** Signed in as a demo user, to Tasklist; auditors sign in to Cockpit, the only webapp they may use. */
  private WebSession signedIn(String user) {
    return new WebSession(port).signIn(user.startsWith("auditor") ? "cockpit" : "tasklist", user);
  }

  private static String row(String page, String ref) {
    int start = page.lastIndexOf("<tr", page.indexOf(">" + ref + "</a></td>"));
    return page.substring(start, page.indexOf("</tr>", start));
  }
}
