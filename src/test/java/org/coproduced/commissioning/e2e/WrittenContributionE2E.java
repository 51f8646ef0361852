package org.coproduced.commissioning.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.experts.Expert;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationStatus;
import org.coproduced.commissioning.support.CycleDriver;
import org.coproduced.commissioning.support.PoolFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Thoughts sent instead of coming, in a real browser: an expert who reads email says no to their
 * invitation, gets "Would you like to send us your thoughts instead?", opens its link, first sends
 * markup (refused, kindly, with their words kept in the box), then plain words, and is thanked;
 * the words are a written contribution to the gate. The gate is walked through the Java API; the
 * mail is read on the demo's mail page. Each page is checked with axe-core.
 */
@BrowserTest
class WrittenContributionE2E {

  private static final String WORDS = "Please keep the drop-in open on Sunday evenings, it is the hardest time.";

  @RegisterExtension final Browsers browsers = new Browsers();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationContext context;
  @Autowired InvitationRepository invitations;

  @Test
  @Screenshots("send-your-thoughts")
  void anExpertWhoCannotComeSendsTheirThoughtsThroughTheEmailLink() throws Exception {
    Expert writer = new PoolFixtures(context).expert("payment", "homelessness");
    CycleDriver driver = new CycleDriver(engine);
    String title = "Thoughts in the browser " + System.nanoTime();
    String bk = driver.startCycle(title).getBusinessKey();
    driver.agreePlan(bk);
    driver.describeRequest(bk, CycleDriver.nextSessionDate(), 1);
    driver.acceptRequest(bk);
    long requestId = jdbc.sql("SELECT MAX(id) FROM cc_involvement_request WHERE cycle_id = ?")
        .param(Long.parseLong(bk)).query(Long.class).single();
    jdbc.sql("DELETE FROM cc_invitation WHERE request_id = ?").param(requestId).update();
    long invitationId = invitations.insert(requestId, writer.id(), InvitationStatus.PROPOSED, false, null);
    driver.confirmExperts(bk);
    Task answer = driver.tasks(bk, "Activity_AnswerInvitation").stream()
        .filter(t -> ((Number) engine.getTaskService().getVariable(t.getId(), "invitationId")).longValue() == invitationId)
        .findFirst().orElseThrow();
    driver.submit(answer, Map.of("invitationAnswer", "decline"));
    long messageId = sentOffer(invitationId);

    Browser coordinator = browsers.signIn(port, "tasklist", "coordinator");
    coordinator.go("/app/mail/" + messageId);
    assertThat(coordinator.pageText()).contains("Would you like to send us your thoughts instead?", "You do not have to");
    String link = coordinator.driver().findElement(By.xpath("//a[contains(@href, '/app/send-your-thoughts/')]"))
        .getAttribute("href");

    Browser expert = browsers.signedOut(port, "expert-send-your-thoughts");
    expert.go(java.net.URI.create(link).getRawPath());
    assertThat(expert.pageText()).contains("Would you like to send us your thoughts?", title, "You do not have to",
        "Would you rather talk, or send a recording?");
    assertThat(Accessibility.violations(expert.driver())).as("the page to send thoughts").isEmpty();

    expert.driver().findElement(By.id("thoughts")).sendKeys("<b>Sundays</b> matter");
    expert.press("Send my thoughts");
    expert.screenshot("refused");
    assertThat(expert.pageText()).contains("looks like web page code");
    assertThat(expert.driver().findElement(By.id("thoughts")).getAttribute("value")).isEqualTo("<b>Sundays</b> matter");
    assertThat(Accessibility.violations(expert.driver())).as("the page with its message").isEmpty();

    expert.driver().findElement(By.id("thoughts")).clear();
    expert.driver().findElement(By.id("thoughts")).sendKeys(WORDS);
    expert.screenshot("writing");
    expert.press("Send my thoughts");
    expert.screenshot("sent");
    assertThat(expert.pageText()).contains("Thank you", "We have your thoughts", "we will tell you what we did with it");
    assertThat(Accessibility.violations(expert.driver())).as("the thank-you page").isEmpty();

    assertThat(jdbc.sql("SELECT route || ' ' || said FROM cc_contribution WHERE request_id = ?").param(requestId)
        .query(String.class).list()).containsExactly("WRITTEN " + WORDS);
  }

  /** The offer to someone who said no, once sent. */
  private long sentOffer(long invitationId) throws InterruptedException {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(giveUp)) {
      var sent = jdbc.sql("SELECT MIN(id) FROM cc_message WHERE idempotency_key LIKE ? AND status = 'SENT'")
          .param("written-contribution-offer/" + invitationId + "/%").query(Long.class).list().stream()
          .filter(java.util.Objects::nonNull).findFirst();
      if (sent.isPresent()) {
        return sent.get();
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no offer to send thoughts was sent within a minute");
  }
}
