package org.coproduced.commissioning.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.involvement.invitation.AccessArrangementVariables;
import org.coproduced.commissioning.involvement.invitation.AccessArrangements;
import org.coproduced.commissioning.notification.MessageContent;
import org.coproduced.commissioning.support.CycleDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an expert needs reaches a coordinator, in a real browser: the expert says yes through the
 * link in their invitation email and writes what they need; the coordinator reads it on the
 * proposal page, has the task to arrange it in the Coordinator queue, and records what was
 * arranged. The cycle up to the invitations is set up through the Java API; the mail is read the
 * way the demo offers, on the coordinator's mail page.
 */
@BrowserTest
class AccessNeedsE2E {

  private static final String NEEDS = "I use a wheelchair: step-free access please";
  private static final String ARRANGED = "Booked the ground-floor room; the lift is checked the day before.";

  @RegisterExtension final Browsers browsers = new Browsers();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;

  @Test
  @Screenshots("access-needs")
  void anExpertSaysYesByTheEmailLinkWithANeedAndTheCoordinatorSeesItAndArrangesIt() throws Exception {
    CycleDriver driver = new CycleDriver(engine);
    String title = "Access needs in the browser " + System.nanoTime();
    String bk = driver.startCycle(title).getBusinessKey();
    driver.agreePlan(bk);
    LocalDate sessionDate = CycleDriver.nextSessionDate();
    driver.describeRequest(bk, sessionDate, 2);
    driver.acceptRequest(bk);
    driver.confirmExperts(bk);
    // Someone who reads email: their invitation has a message in the outbox.
    Task answer = driver.tasks(bk, "Activity_AnswerInvitation").stream()
        .filter(t -> jdbc.sql("SELECT COUNT(*) FROM cc_message WHERE idempotency_key LIKE ?")
            .param("invitation/" + invitationIdOf(t) + "/%").query(Long.class).single() > 0)
        .findFirst().orElseThrow();
    long invitationId = invitationIdOf(answer);
    long requestId = ((Number) engine.getTaskService().getVariable(answer.getId(), "requestId")).longValue();
    String ref = jdbc.sql("SELECT e.ref FROM cc_expert e JOIN cc_invitation i ON i.expert_id = e.id WHERE i.id = ?")
        .param(invitationId).query(String.class).single();
    long messageId = sentInvitation(invitationId);

    Browser coordinator = browsers.signIn(port, "tasklist", "coordinator");
    coordinator.go("/app/mail/" + messageId);
    coordinator.screenshot("invitation-email");
    assertThat(Accessibility.violations(coordinator.driver())).as("a message on the messages page").isEmpty();
    String yes = coordinator.driver().findElement(By.xpath("//a[contains(@href, 'answer=accept')]"))
        .getAttribute("href");

    Browser expert = browsers.signedOut(port, "expert-" + ref);
    // The link starts with the demo's public address (port 8080); this application runs on another port.
    java.net.URI link = java.net.URI.create(yes);
    expert.go(link.getRawPath() + "?" + link.getRawQuery());
    assertThat(expert.pageText()).contains("Would you like to take part?",
        "Why experts by experience are part of this work", "What we would like from you");
    assertThat(Accessibility.violations(expert.driver())).as("the invitation link page").isEmpty();
    expert.driver().findElement(By.id("accessNeeds")).sendKeys(NEEDS);
    expert.screenshot("yes-with-a-need");
    expert.press("Send my answer");
    expert.screenshot("answered");
    assertThat(expert.pageText()).contains("You said yes",
        "A coordinator will arrange what you told us you need before the session");
    assertThat(Accessibility.violations(expert.driver())).as("the invitation link page, answered").isEmpty();

    coordinator.go("/app/requests/" + requestId + "/proposal");
    coordinator.screenshot("proposal-shows-the-need");
    assertThat(coordinator.pageText()).contains(NEEDS, "Not arranged yet");
    assertThat(Accessibility.violations(coordinator.driver())).as("the proposal page").isEmpty();

    String taskName = "Arrange what " + ref + " needs for the session on " + MessageContent.DAY.format(sessionDate)
        + " · " + title;
    Task arrange = engine.getTaskService().createTaskQuery()
        .processDefinitionKey(AccessArrangementVariables.PROCESS_ID)
        .processInstanceBusinessKey(AccessArrangements.businessKey(invitationId)).singleResult();
    assertThat(arrange).as("the coordinators' task").isNotNull();
    coordinator.go("/camunda/app/tasklist/default/");
    coordinator.openFilter("Coordinator queue");
    assertThat(coordinator.taskNames()).contains(taskName);
    coordinator.openTask(arrange.getId());
    coordinator.claimIfOffered();
    assertThat(coordinator.valueOf("Expert reference")).isEqualTo(ref);
    assertThat(coordinator.pageText()).as("no papers to send for this session").doesNotContain("Papers to send");
    coordinator.fill("What did you arrange?", ARRANGED);
    coordinator.screenshot("arranging");
    coordinator.press("Complete");
    coordinator.waitUntilTaskClosed();

    coordinator.go("/app/requests/" + requestId + "/proposal");
    coordinator.screenshot("proposal-shows-what-was-arranged");
    assertThat(coordinator.pageText()).contains(NEEDS, ARRANGED).doesNotContain("Not arranged yet");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(arrange.getProcessInstanceId()).variableName("privateAccessArranged").count())
        .as("what was arranged, in the engine's history").isZero();
  }

  private long invitationIdOf(Task task) {
    return ((Number) engine.getTaskService().getVariable(task.getId(), "invitationId")).longValue();
  }

  /** Waits for the job executor to send the invitation's email; returns its outbox id. */
  private long sentInvitation(long invitationId) throws InterruptedException {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(giveUp)) {
      var sent = jdbc.sql("SELECT id FROM cc_message WHERE idempotency_key LIKE ? AND status = 'SENT'")
          .param("invitation/" + invitationId + "/%").query(Long.class).optional();
      if (sent.isPresent()) {
        return sent.get();
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the invitation email of invitation " + invitationId + " was not sent within a minute: "
        + jdbc.sql("SELECT status || ' ' || COALESCE(last_error, '') FROM cc_message WHERE idempotency_key LIKE ?")
            .param("invitation/" + invitationId + "/%").query(String.class).list());
  }
}
