package org.coproduced.commissioning.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.coproduced.commissioning.cycle.CycleCancellation;
import org.coproduced.commissioning.feedback.FeedbackRepository;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository.ContributionOutcome;
import org.coproduced.commissioning.support.CycleDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The public "we asked, you said, we did" page in a real browser: the commissioner writes the
 * public wording, the coordinator approves it, the commissioner publishes it, and someone who is
 * not signed in reads it on a phone-sized screen. Every public page has no axe-core violations.
 *
 * <p>It finishes cycles, so it shares CockpitE2E's database (and context), not the Tasklist tests'.
 */
@BrowserTest
@TestPropertySource(properties = {BrowserTest.DATABASE_OF_ITS_OWN, BrowserTest.MAIL_SERVER_OF_ITS_OWN})
class PublicPageE2E {

  private static final String WORDS = "Someone told us the van never came to their part of town.";

  @RegisterExtension final Browsers browsers = new Browsers();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired CycleCancellation cancellation;
  @Autowired ContributionRepository contributions;
  @Autowired FeedbackRepository feedback;

  @Test
  @Screenshots("public-page")
  void staffPublishAStoppedCycleAndAnyoneReadsItOnAPhone() throws InterruptedException {
    long cycleId = stoppedCycleWithConsent("Evening outreach for people sleeping rough");
    String staffPage = "/app/cycles/" + cycleId + "/public-summary";

    Browser anonymous = browsers.anonymous(port);
    anonymous.go("/public/cycles/" + cycleId);
    assertThat(anonymous.pageText()).as("nothing published yet").contains("We could not find that page");
    assertThat(Accessibility.violations(anonymous.driver())).as("the not-found page").isEmpty();

    Browser commissioner = browsers.signIn(port, "tasklist", "commissioner");
    commissioner.go(staffPage);
    commissioner.fillById("title", "Evening outreach: what you told us");
    commissioner.fillById("purpose", "We asked people who have slept rough how outreach should work at night.");
    Set<Long> consenting = feedback.publicConsentIds(cycleId);
    for (ContributionOutcome o : contributions.outcomesOfCycles(java.util.List.of(cycleId))) {
      if (consenting.contains(o.expertId())) {
        commissioner.fillById("said-" + o.id(), WORDS);
      }
    }
    commissioner.screenshot("wording");
    commissioner.submit("Save the wording for the coordinator to approve");
    assertThat(commissioner.pageText()).contains("Saved. The coordinator now needs to approve the wording.");

    Browser coordinator = browsers.signIn(port, "tasklist", "coordinator");
    coordinator.go(staffPage);
    coordinator.submit("Approve the public wording");
    assertThat(coordinator.pageText()).contains("Approved.");

    commissioner.go(staffPage);
    commissioner.submit("Publish it");
    assertThat(commissioner.pageText()).contains("Published. Everyone can now read it.");
    commissioner.screenshot("published");

    anonymous.phoneSize();
    anonymous.go("/public/cycles");
    anonymous.clickLink("Evening outreach: what you told us");
    anonymous.waitFor(By.xpath("//h1[normalize-space(.)='Evening outreach: what you told us']"));
    anonymous.screenshot("phone");
    String page = anonymous.pageText();
    assertThat(page).contains("What we asked and why", "This work has stopped. This is why:",
        "The council's budget for this service was withdrawn.", "Understanding what people need",
        "people took part", "You said", WORDS, "We did this.");
    assertThat(page).doesNotContain("I could never get through on the phone", "EX-00", "C-");
    assertThat((Long) ((org.openqa.selenium.JavascriptExecutor) anonymous.driver())
        .executeScript("return document.documentElement.scrollWidth - window.innerWidth;"))
        .as("nothing runs off the side of a phone's screen").isLessThanOrEqualTo(0L);
    assertThat(Accessibility.violations(anonymous.driver())).as("a cycle's public page").isEmpty();
    anonymous.go("/public/cycles");
    assertThat(Accessibility.violations(anonymous.driver())).as("the list of published cycles").isEmpty();
  }

  /** A cycle stopped after its PLAN gate, answered, with every contributor in Tasklist saying yes. */
  private long stoppedCycleWithConsent(String title) throws InterruptedException {
    CycleDriver driver = new CycleDriver(engine);
    String processInstanceId = driver.startCycleAtPlanGateDone(title).getId();
    String bk = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult().getBusinessKey();
    cancellation.cancel(Long.parseLong(bk), "The council's budget for this service was withdrawn.");
    driver.answerAll(bk);
    // Everyone says yes, through whichever step is theirs (who hears how depends on the fair share).
    driver.tasks(bk, "Activity_AcknowledgeFeedback").forEach(t ->
        driver.submit(t, Map.of("feedbackRead", true, "privatePublicConsent", "yes")));
    driver.tasks(bk, "Activity_DeliverFeedbackOffline").forEach(t -> {
      Map<String, Object> f = CycleDriver.attestation();
      f.put("privatePublicConsent", "yes");
      driver.submit(t, f);
    });
    engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(bk).list()
        .forEach(pi -> engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
            .activityId("Event_NoEmailAcknowledgement").list()
            .forEach(job -> engine.getManagementService().executeJob(job.getId())));
    driver.tasks(bk, "Activity_FollowUpFeedback").forEach(t -> {
      Map<String, Object> f = CycleDriver.attestation();
      f.put("privatePublicConsent", "yes");
      driver.submit(t, f);
    });
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
    while (engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
        .finished().count() == 0) {
      assertThat(Instant.now()).as("cycle %s has ended", bk).isBefore(giveUp);
      Thread.sleep(250);
    }
    return Long.parseLong(bk);
  }
}
