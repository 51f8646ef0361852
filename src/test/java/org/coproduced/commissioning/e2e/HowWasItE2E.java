package org.coproduced.commissioning.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.ProcessEngine;
import org.coproduced.commissioning.support.CycleDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "How was it for you?" in a real browser: after a session, an expert who reads email opens the
 * link in their message, answers some of the questions (all optional), asks us to get in touch,
 * and is thanked; the answers reach the coordinators' table and a coordinator has the task to get
 * in touch. The gate is walked through the Java API; the mail is read on the demo's mail page.
 */
@BrowserTest
class HowWasItE2E {

  private static final String CHANGE = "Please send the papers a week before, in large print.";

  @RegisterExtension final Browsers browsers = new Browsers();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;

  @Test
  @Screenshots("how-was-it")
  void anExpertAnswersTheQuestionsThroughTheEmailLinkAndAsksUsToGetInTouch() throws Exception {
    CycleDriver driver = new CycleDriver(engine);
    String title = "How was it in the browser " + System.nanoTime();
    String bk = driver.startCycle(title).getBusinessKey();
    driver.agreePlan(bk);
    driver.describeRequest(bk, CycleDriver.nextSessionDate(), 2);
    driver.acceptRequest(bk);
    driver.confirmExperts(bk);
    driver.acceptAllInvitations(bk);
    driver.recordContributions(bk);
    long messageId = sentQuestions(Long.parseLong(bk));
    long invitationId = Long.parseLong(jdbc.sql("SELECT idempotency_key FROM cc_message WHERE id = ?")
        .param(messageId).query(String.class).single().split("/")[1]);

    Browser coordinator = browsers.signIn(port, "tasklist", "coordinator");
    coordinator.go("/app/mail/" + messageId);
    assertThat(coordinator.pageText()).contains("How was the session for you?", "Every one is optional");
    String link = coordinator.driver().findElement(By.xpath("//a[contains(@href, '/app/how-was-it/')]"))
        .getAttribute("href");

    Browser expert = browsers.signedOut(port, "expert-how-was-it");
    expert.go(java.net.URI.create(link).getRawPath());
    assertThat(expert.pageText()).contains("How was it for you?", title, "Every question is optional",
        "Did you feel listened to?", "Would you take part again?");
    assertThat(Accessibility.violations(expert.driver())).as("the questions page").isEmpty();
    expert.driver().findElement(By.id("listenedToYes")).click();
    expert.driver().findElement(By.id("preparedPartly")).click();
    expert.driver().findElement(By.id("whatToChange")).sendKeys(CHANGE);
    expert.driver().findElement(By.id("wantsContact")).click();
    expert.screenshot("answering");
    expert.press("Send my answers");
    expert.screenshot("answered");
    assertThat(expert.pageText()).contains("Thank you", "A coordinator will contact you soon");
    assertThat(Accessibility.violations(expert.driver())).as("the questions page, answered").isEmpty();

    assertThat(jdbc.sql("""
            SELECT status || ' ' || listened_to || ' ' || prepared || ' ' || what_to_change
            FROM cc_session_experience WHERE invitation_id = ?""").param(invitationId).query(String.class).single())
        .isEqualTo("ANSWERED yes partly " + CHANGE);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey("session-experience/" + invitationId)
        .taskDefinitionKey("Activity_GetInTouch").count()).isOne();
  }

  /** The "How was it for you?" email of someone who took part in the cycle's session, once sent. */
  private long sentQuestions(long cycleId) throws InterruptedException {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(giveUp)) {
      var sent = jdbc.sql("""
              SELECT MIN(m.id) FROM cc_message m JOIN cc_session_experience s
                ON m.idempotency_key LIKE 'session-questions/' || CAST(s.invitation_id AS VARCHAR(20)) || '/%'
              WHERE s.cycle_id = ? AND m.status = 'SENT'""").param(cycleId).query(Long.class).list().stream()
          .filter(java.util.Objects::nonNull).findFirst();
      if (sent.isPresent()) {
        return sent.get();
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no \"How was it for you?\" email was sent within a minute");
  }
}
