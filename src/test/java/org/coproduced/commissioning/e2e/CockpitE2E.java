package org.coproduced.commissioning.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.ProcessEngine;
import org.coproduced.commissioning.cycle.CycleCancellation;
import org.coproduced.commissioning.support.CycleDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Auditors reading the engine's record of cycles in Cockpit, in a real browser.
 *
 * <p>Cockpit Community Edition shows running instances only; the history of a finished cycle
 * and its coproduction evidence come with the auditors' Cockpit plugins (served from
 * {@code /app/api/audit}).
 *
 * <p>The cycles finished here give the demo experts hours, and the fairest experts to propose
 * change with hours; so these tests have a database of their own, and the Tasklist tests still
 * meet the demo pool as a newcomer does.
 */
@BrowserTest
@TestPropertySource(properties = {BrowserTest.DATABASE_OF_ITS_OWN, BrowserTest.MAIL_SERVER_OF_ITS_OWN})
class CockpitE2E {

  @RegisterExtension final Browsers browsers = new Browsers();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired CycleCancellation cancellation;

  @Test
  @Screenshots("auditor-cockpit")
  void auditorSignsInToCockpitAndSeesTheProcessesDashboard() {
    String bk = new CycleDriver(engine).startCycle("Cycle an auditor looks at").getBusinessKey();

    Browser auditor = browsers.signIn(port, "cockpit", "auditor");
    auditor.waitFor(By.xpath("//*[normalize-space(.)='Running Process Instances']"));
    auditor.screenshot("dashboard");
    assertThat(auditor.pageText()).contains("Alex Morgan", "Running Process Instances", "Open Human Tasks",
        "Process Definitions");

    auditor.go("/camunda/app/cockpit/default/#/processes");
    auditor.waitFor(By.xpath("//a[normalize-space(.)='Commissioning cycle']"));
    auditor.screenshot("processes");
    assertThat(auditor.pageText()).contains("Commissioning cycle", "Involvement of experts", "You said, we did");

    auditor.clickLink("Commissioning cycle");
    auditor.waitFor(By.cssSelector("[data-element-id='Activity_AgreeInvolvementPlan']"));
    auditor.waitFor(By.xpath("//td[normalize-space(.)='" + bk + "']"));
    auditor.screenshot("running-cycles");
  }

  @Test
  @Screenshots("auditor-finished-cycle")
  void auditorOpensAFinishedCycleWithItsHistoryAndEvidence() throws InterruptedException {
    String bk = finishedCycle("Evening outreach, stopped after the design stage");

    Browser auditor = browsers.signIn(port, "cockpit", "auditor");
    auditor.waitFor(By.xpath("//a[normalize-space(.)='Coproduction audit']"));
    auditor.clickLink("Coproduction audit");
    auditor.waitFor(By.xpath("//a[normalize-space(.)='Cycle " + bk + "']"));
    auditor.screenshot("all-cycles");
    assertThat(auditor.pageText()).contains("Commissioning cycles", "Across all cycles",
        "Download the figures per cycle (CSV)");

    auditor.clickLink("Cycle " + bk);
    auditor.waitFor(By.xpath("//h3[normalize-space(.)='Feedback to each contributor']"));
    auditor.screenshot("finished-cycle");
    String page = auditor.allText();
    assertThat(page).contains("Evening outreach, stopped after the design stage", "Stopped",
        "The council's budget for this service was withdrawn.",
        "Involvement gates and notice", "Contributions and what became of them", "Stages and gates",
        "Tasks", "User operation log", "Recompense",
        // who completed the work, by user id, and a contributor by pseudonymous reference only
        "commissioner", "coordinator", "EX-00");
    assertThat(page).doesNotContain("I could never get through on the phone");
    // Statuses in words, not the codes the tables keep; everyone has their feedback.
    assertThat(page).contains("Read by them").doesNotContain("ACKNOWLEDGED", "CANCELLED", "Waiting");
    // Recompense by what the time was for and the form chosen, in words, with its CSV.
    assertThat(page).contains("Download the recompense (CSV)", "at sessions, reviewing the specification")
        .doesNotContain("PAYMENT", "VOUCHER", "TRAINING", "SPECIFICATION_REVIEW");
  }

  /** A cycle whose ANALYSE and PLAN gates ran, stopped, answered and fed back to everyone: ended. */
  private String finishedCycle(String title) throws InterruptedException {
    CycleDriver driver = new CycleDriver(engine);
    String processInstanceId = driver.startCycleAtPlanGateDone(title).getId();
    String bk = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult().getBusinessKey();
    cancellation.cancel(Long.parseLong(bk), "The council's budget for this service was withdrawn.");
    driver.answerAll(bk);
    driver.deliverAllFeedback(bk);
    // The closing steps are asynchronous: this context's job executor runs them, as in the demo.
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
    while (engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
        .finished().count() == 0) {
      assertThat(Instant.now()).as("cycle %s has ended", bk).isBefore(giveUp);
      Thread.sleep(250);
    }
    return bk;
  }
}
