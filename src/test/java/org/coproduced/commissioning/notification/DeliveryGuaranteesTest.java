package org.coproduced.commissioning.notification;

import org.coproduced.commissioning.modelcheck.Stage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.coproduced.commissioning.cycle.StageUpdateMessage;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.RequestDetails;
import org.coproduced.commissioning.notification.Mailbox.Mail;
import org.coproduced.commissioning.support.CycleDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery you can trust: a message exists only if the transaction that decided it committed; a
 * mail server that is down loses nothing and becomes an incident; once it is back each person
 * gets exactly one copy, whatever failed and was retried in between.
 */
@MailTest
class DeliveryGuaranteesTest {

  static final String ASHA = MessagesTest.ASHA;
  static final String HARRY = MessagesTest.HARRY;

  @RegisterExtension static GreenMailExtension mail = TestMailServer.extension();

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired MessageQueue queue;
  @Autowired CycleRepository cycles;
  @Autowired InvolvementRequestRepository requests;
  @Autowired ContributionRepository contributions;
  @Autowired ExpertRepository experts;

  CycleDriver driver;
  Deliveries deliveries;
  TransactionTemplate transaction;

  @BeforeEach
  void setUp() {
    driver = new CycleDriver(engine);
    deliveries = new Deliveries(engine, jdbc);
    transaction = new TransactionTemplate(transactions);
  }

  @Test
  void aDecisionThatRollsBackLeavesNoMessageAndSendsNothing() {
    String bk = feedbackDueTo("EX-0008", "EX-0001");
    answerEverything(bk);
    Task check = driver.task(bk, "Activity_CheckPlainEnglish");

    transaction.executeWithoutResult(status -> {
      driver.submit(check, Map.of("plainEnglishOk", "yes")); // decides the feedback emails...
      status.setRollbackOnly(); // ...and then the transaction fails
    });

    assertThat(deliveries.outbox()).noneMatch(row -> row.contains("FEEDBACK"));
    deliveries.sendAll();
    assertThat(Mailbox.read(mail)).noneMatch(m -> m.subject().startsWith("What we did"));
    assertThat(driver.tasks(bk, "Activity_CheckPlainEnglish")).hasSize(1);
  }

  @Test
  void theSameDecisionTwiceQueuesOneMessage() {
    long cycleId = cycles.insert("Twice", "mental-health", "under-100k", "Experts will shape the service.",
        "Better outcomes", "Spring", "commissioner", null);
    String key = "stage-update/" + cycleId + "/ANALYSE/1/EX-0008";

    List<Boolean> queued = transaction.execute(status -> List.of(
        queue.queue(key, Recipient.expert("EX-0008"), new StageUpdateMessage(cycleId, Stage.ANALYSE)),
        queue.queue(key, Recipient.expert("EX-0008"), new StageUpdateMessage(cycleId, Stage.ANALYSE))));

    assertThat(queued).containsExactly(true, false);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isEqualTo(1);
    deliveries.sendAll();
    assertThat(Mailbox.to(mail, MessagesTest.HARRY)).hasSize(1);
  }

  @Test
  void aMailServerThatIsDownBecomesAnIncidentAndLosesNothingThenEachPersonGetsOneCopy() throws Exception {
    String bk = feedbackDueTo("EX-0008", "EX-0001");
    answerEverything(bk);
    driver.submit(driver.task(bk, "Activity_CheckPlainEnglish"), Map.of("plainEnglishOk", "yes"));
    List<Job> jobs = List.of(feedbackJobFor("EX-0008"), feedbackJobFor("EX-0001"));

    mail.stop();
    for (Job job : jobs) {
      failUntilNoRetriesLeft(job);
    }

    List<Incident> incidents = incidentsOf(jobs);
    assertThat(incidents).hasSameSizeAs(jobs);
    assertThat(incidents).allSatisfy(incident -> assertThat(incident.getIncidentMessage())
        .contains("The mail server did not take message"));
    assertThat(deliveries.outbox()).filteredOn(row -> row.contains("FEEDBACK"))
        .containsExactlyInAnyOrder("PENDING FEEDBACK EX-0008", "PENDING FEEDBACK EX-0001"); // nothing lost
    assertThat(engine.getRuntimeService().createExecutionQuery().processInstanceBusinessKey(bk)
        .activityId("Activity_AwaitAcknowledgement").count()).isEqualTo(1); // Harry's feedback still waits for him

    mail.start();
    for (Job job : jobs) { // what "Retry" in Cockpit does
      engine.getManagementService().setJobRetries(job.getId(), 1);
      engine.getManagementService().executeJob(job.getId());
    }

    assertThat(incidentsOf(jobs)).isEmpty();
    assertThat(deliveries.outbox()).filteredOn(row -> row.contains("FEEDBACK"))
        .containsExactlyInAnyOrder("SENT FEEDBACK EX-0008", "SENT FEEDBACK EX-0001");
    Mail harry = onlyFeedbackTo(HARRY);
    onlyFeedbackTo(ASHA);
    String key = jdbc.sql("SELECT idempotency_key FROM cc_message WHERE id > ? AND kind = 'FEEDBACK' AND recipient = 'EX-0008'")
        .param(deliveries.since()).query(String.class).single();
    assertThat(harry.messageId()).startsWith("<" + sha256(key).substring(0, 40) + ".coproduction@");
  }

  @Test
  void aFailureAfterTheSendButBeforeTheJobCommitsStillGivesOneCopy() {
    String bk = feedbackDueTo("EX-0008");
    answerEverything(bk);
    driver.submit(driver.task(bk, "Activity_CheckPlainEnglish"), Map.of("plainEnglishOk", "yes"));
    Job job = feedbackJobFor("EX-0008");

    // The job sends, marks the message sent, and then its own transaction fails.
    transaction.executeWithoutResult(status -> {
      engine.getManagementService().executeJob(job.getId());
      status.setRollbackOnly();
    });
    assertThat(engine.getManagementService().createJobQuery().jobId(job.getId()).count()).isEqualTo(1);
    assertThat(onlyFeedbackTo(HARRY)).isNotNull();

    engine.getManagementService().executeJob(job.getId()); // the engine's retry

    assertThat(engine.getManagementService().createJobQuery().jobId(job.getId()).count()).isZero();
    onlyFeedbackTo(HARRY);
  }

  @Test
  void whileAnotherNodeIsSendingAMessageNobodyElseSendsIt() {
    String bk = feedbackDueTo("EX-0008");
    answerEverything(bk);
    driver.submit(driver.task(bk, "Activity_CheckPlainEnglish"), Map.of("plainEnglishOk", "yes"));
    Job job = feedbackJobFor("EX-0008");
    long messageId = feedbackMessageId("EX-0008");
    Instant now = Instant.now();
    jdbc.sql("UPDATE cc_message SET status = 'SENDING', lock_owner = 'node-2', locked_until = ? WHERE id = ?")
        .params(Timestamp.from(now.plus(10, ChronoUnit.MINUTES)), messageId).update();

    assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
        .hasMessageContaining("is being sent by another node");
    assertThat(Mailbox.read(mail)).isEmpty();

    // The other node stopped before marking it sent (and before the mail server took it): once
    // its claim runs out, the next attempt sends it, once.
    jdbc.sql("UPDATE cc_message SET locked_until = ? WHERE id = ?")
        .params(Timestamp.from(now.minus(1, ChronoUnit.MINUTES)), messageId).update();
    engine.getManagementService().executeJob(job.getId());
    onlyFeedbackTo(HARRY);
  }

  @Test
  void aMessageAnotherNodeAlreadySentIsNotSentAgain() {
    String bk = feedbackDueTo("EX-0008");
    answerEverything(bk);
    driver.submit(driver.task(bk, "Activity_CheckPlainEnglish"), Map.of("plainEnglishOk", "yes"));
    Job job = feedbackJobFor("EX-0008");
    jdbc.sql("UPDATE cc_message SET status = 'SENT' WHERE id = ?").param(feedbackMessageId("EX-0008")).update();

    engine.getManagementService().executeJob(job.getId());

    assertThat(Mailbox.read(mail)).isEmpty();
    assertThat(engine.getManagementService().createJobQuery().jobId(job.getId()).count()).isZero();
  }

  // ---- helpers ----

  private String feedbackDueTo(String... refs) {
    long cycleId = cycles.insert("Delivery test", "mental-health", "under-100k", "Experts will shape the service.",
        "Better outcomes", "Spring", "commissioner", null);
    long requestId = requests.save(null, cycleId, "ANALYSE", new RequestDetails("Share views", "To design it",
        "coproduction", CycleDriver.nextSessionDate(), "10:00", 2, "in-person", "Hall", 2, List.of("mental-health"),
        "Commissioner"), 20, null);
    for (String ref : refs) {
      contributions.insert(requestId, cycleId, experts.findByRef(ref).orElseThrow().id(), "ANALYSE", "Open later, " + ref);
    }
    String bk = String.valueOf(cycleId);
    engine.getRuntimeService().startProcessInstanceByKey("feedback-delivery", bk,
        Map.of("cycleId", cycleId, "commissioner", "commissioner"));
    return bk;
  }

  private void answerEverything(String bk) {
    for (Task answer : driver.tasks(bk, "Activity_AnswerContribution")) {
      driver.submit(answer, Map.of("answerOutcome", "adopted", "whatChanged", "We now open until 10pm.",
          "whyDecided", "You told us evenings matter most."));
    }
  }

  /** Runs a failing delivery until the engine gives up; checks the waits grow as configured. */
  private void failUntilNoRetriesLeft(Job job) {
    List<Long> expectedWaitMinutes = List.of(1L, 5L, 15L, 60L, 240L); // coproduction.messages.retry-intervals
    int attempts = 0;
    while (engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult().getRetries() > 0) {
      assertThat(attempts).as("attempts").isLessThanOrEqualTo(expectedWaitMinutes.size());
      Instant before = Instant.now();
      assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
          .hasMessageContaining("The mail server did not take message");
      Job failed = engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult();
      if (failed.getRetries() > 0) {
        long waited = ChronoUnit.SECONDS.between(before, failed.getDuedate().toInstant());
        assertThat(waited).as("wait after attempt %d", attempts + 1)
            .isBetween(expectedWaitMinutes.get(attempts) * 60 - 5, expectedWaitMinutes.get(attempts) * 60 + 5);
      }
      attempts++;
    }
    assertThat(attempts).as("attempts before the incident").isEqualTo(expectedWaitMinutes.size() + 1);
  }

  private List<Incident> incidentsOf(List<Job> jobs) {
    return jobs.stream().flatMap(job -> engine.getRuntimeService().createIncidentQuery()
        .processInstanceId(job.getProcessInstanceId()).list().stream()).toList();
  }

  private long feedbackMessageId(String ref) {
    return jdbc.sql("SELECT id FROM cc_message WHERE id > ? AND kind = 'FEEDBACK' AND recipient = ?")
        .params(deliveries.since(), ref).query(Long.class).single();
  }

  private String feedbackMessageKey(String ref) {
    return jdbc.sql("SELECT idempotency_key FROM cc_message WHERE id > ? AND kind = 'FEEDBACK' AND recipient = ?")
        .params(deliveries.since(), ref).query(String.class).single();
  }

  private Job feedbackJobFor(String ref) {
    String instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(MessageQueue.DELIVERY_PROCESS).processInstanceBusinessKey(feedbackMessageKey(ref))
        .singleResult().getId();
    return engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
  }

  private Mail onlyFeedbackTo(String address) {
    List<Mail> received = Mailbox.to(mail, address).stream()
        .filter(m -> m.subject().equals("What we did with what you said")).toList();
    assertThat(received).as("feedback messages to " + address).hasSize(1);
    return received.get(0);
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
