package org.coproduced.commissioning.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.RequestDetails;
import org.coproduced.commissioning.involvement.RequestStatus;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationStatus;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The application's own pages as staff and experts see them, checked with axe-core (WCAG 2.1 A
 * and AA, and its best practices): the expert pool, an expert's page, the proposal with its
 * reasons, the messages page, stopping a cycle, a link that no longer works, the public list and
 * the Cockpit audit plugin. Each must have no violations.
 *
 * <p>The cycle and sessions here are made in the tables, not run by the engine, and the sessions
 * fall more than a year ahead: nobody's hours or bookings change for the other browser tests,
 * which share this context and its database.
 */
@BrowserTest
class StaffPagesAccessibilityE2E {

  @RegisterExtension final Browsers browsers = new Browsers();

  @LocalServerPort int port;
  @Autowired CycleRepository cycles;
  @Autowired InvolvementRequestRepository requests;
  @Autowired InvitationRepository invitations;
  @Autowired ExpertRepository experts;

  @Test
  @Screenshots("accessibility")
  void theApplicationsOwnPagesHaveNoAccessibilityViolations() {
    long cycleId = cycles.insert("Accessible pages " + System.nanoTime(), "mental-health", "under-100k",
        "Experts will shape the service.", "Better outcomes", "Next year", "commissioner", null);
    LocalDate day = ProcessClock.today().plusDays(400);
    long other = session(cycleId, day, "09:00");
    long requestId = session(cycleId, day, "10:00");
    invitations.insert(other, experts.findByRef("EX-0002").orElseThrow().id(), InvitationStatus.ACCEPTED, false, null);
    invitations.insert(requestId, experts.findByRef("EX-0001").orElseThrow().id(), InvitationStatus.PROPOSED, false,
        null);

    Browser coordinator = browsers.signIn(port, "tasklist", "coordinator");
    coordinator.go("/app/requests/" + requestId + "/proposal");
    coordinator.screenshot("proposal");
    // Which reason each demo expert gets depends on their review dates by then; the reasons
    // themselves are tested in MatchingServiceTest and ProposalPageTest.
    assertThat(coordinator.driver().findElements(By.cssSelector("#cannot-come td"))).as("reasons listed").isNotEmpty();
    assertNoViolations(coordinator, "the proposal page");

    coordinator.go("/app/experts");
    assertThat(coordinator.pageText()).contains("EX-0001");
    assertNoViolations(coordinator, "the expert pool");
    coordinator.go("/app/experts/EX-0001");
    assertNoViolations(coordinator, "an expert's page");
    coordinator.go("/app/mail");
    coordinator.screenshot("messages");
    assertNoViolations(coordinator, "the messages page");

    Browser commissioner = browsers.signIn(port, "tasklist", "commissioner");
    commissioner.go("/app/cycles/" + cycleId + "/cancel");
    commissioner.screenshot("stop-a-cycle");
    assertNoViolations(commissioner, "stopping a cycle");
    commissioner.fillById("reason", "budget");
    commissioner.submit("Stop the cycle");
    assertThat(commissioner.pageText()).contains("Please explain why the cycle is stopping");
    assertNoViolations(commissioner, "stopping a cycle, with too short a reason");

    Browser someone = browsers.anonymous(port);
    someone.go("/app/feedback/acknowledge/" + "x".repeat(43));
    someone.screenshot("old-link");
    assertNoViolations(someone, "a link that does not work");
    someone.go("/public/cycles");
    assertNoViolations(someone, "the public list of cycles");

    Browser auditor = browsers.signIn(port, "cockpit", "auditor");
    auditor.waitFor(By.xpath("//a[normalize-space(.)='Coproduction audit']"));
    auditor.clickLink("Coproduction audit");
    auditor.waitFor(By.xpath("//*[normalize-space(.)='Across all cycles']"));
    auditor.screenshot("audit-plugin");
    assertThat(Accessibility.violationsWithin(auditor.driver(), ".coproduction-audit"))
        .as("the Cockpit audit plugin").isEmpty();
  }

  private long session(long cycleId, LocalDate day, String time) {
    long id = requests.save(null, cycleId, "ANALYSE", new RequestDetails("Share your views.", "To shape the service.",
        "coproduction", day, time, 2, "in-person", "Community hall, step-free.", 2, List.of("mental-health"),
        "The commissioner."), 10, null);
    requests.recordReview(id, RequestStatus.ACCEPTED, null, null);
    return id;
  }

  private static void assertNoViolations(Browser browser, String page) {
    assertThat(Accessibility.violations(browser.driver())).as(page).isEmpty();
  }
}
