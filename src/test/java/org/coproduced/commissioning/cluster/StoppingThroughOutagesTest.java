package org.coproduced.commissioning.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.coproduced.commissioning.cycle.CycleCancellation;
import org.coproduced.commissioning.involvement.invitation.SessionNewsMessage;
import org.coproduced.commissioning.support.CycleDriver;
import org.coproduced.commissioning.support.FaultsProfile;
import org.coproduced.commissioning.support.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Cycles are stopped on two nodes while their experts are still invited, with the mail server
 * down; then the database stops for a while too. When both are back, everyone who was invited or
 * had said yes hears once that the session will not happen: one email each, or one coordinator
 * task for people reached by phone or post. Nothing is lost and nothing is sent twice.
 */
@FaultsProfile
class StoppingThroughOutagesTest {

  static final int CYCLES = 4;
  static final Duration DATABASE_OUTAGE = Duration.ofSeconds(15);
  static final String REASON = "The council withdrew the budget for this service this year.";

  @TempDir static Path temp;
  static OutageCluster cluster;

  @BeforeAll
  static void start() {
    cluster = OutageCluster.start(temp);
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void cyclesStoppedWhileMailAndThenTheDatabaseAreDownTellEveryoneInvitedOnce() {
    ProcessEngine[] engines = cluster.engines();
    JdbcClient jdbc = cluster.jdbc();
    List<String> cycles = new ArrayList<>();
    for (int i = 0; i < CYCLES; i++) {
      AlternatingDriver driver = new AlternatingDriver(i, engines);
      String bk = driver.startCycle("Stopped through an outage " + i).getBusinessKey();
      driver.agreePlan(bk);
      driver.describeRequest(bk, CycleDriver.nextSessionDate(), 2);
      driver.acceptRequest(bk);
      driver.confirmExperts(bk);
      // One has said yes, the others are still thinking about it.
      driver.submit(driver.tasks(bk, "Activity_AnswerInvitation").get(0), Map.of("invitationAnswer", "accept"));
      cycles.add(bk);
    }
    String ofTheseCycles = cycles.stream().collect(Collectors.joining(",", "(", ")"));
    List<Long> toTell = jdbc.sql("""
            SELECT i.id FROM cc_invitation i JOIN cc_involvement_request r ON r.id = i.request_id
            WHERE i.status IN ('INVITED', 'ACCEPTED') AND r.cycle_id IN """ + ofTheseCycles + " ORDER BY i.id")
        .query(Long.class).list();
    assertThat(toTell).as("people invited or booked").hasSizeGreaterThanOrEqualTo(2 * CYCLES);

    cluster.stopMail();
    CycleCancellation[] cancellations = {cluster.nodeA.bean(CycleCancellation.class), cluster.nodeB.bean(CycleCancellation.class)};
    for (int i = 0; i < CYCLES; i++) {
      cancellations[i % 2].cancel(Long.parseLong(cycles.get(i)), REASON);
    }
    Eventually.await("a called-off message to fail against the stopped mail server", Duration.ofSeconds(60),
        () -> jdbc.sql("SELECT COUNT(*) FROM cc_message WHERE kind = ? AND last_error IS NOT NULL")
            .param(SessionNewsMessage.CALLED_OFF).query(Long.class).single(), failed -> failed > 0);

    cluster.outage(DATABASE_OUTAGE);

    Map<Long, String> sentIds = Eventually.await("every called-off email to be sent", Duration.ofSeconds(180),
        () -> calledOffMessages(jdbc), messages -> !messages.isEmpty()
            && messages.values().stream().allMatch(id -> id.startsWith("<")));
    Map<Long, Long> tasksByInvitation = new HashMap<>();
    for (long invitationId : toTell) {
      long tasks = cluster.nodeA.engine().getTaskService().createTaskQuery().processDefinitionKey("session-news")
          .processVariableValueEquals("invitationId", invitationId)
          .processVariableValueEquals("news", SessionNewsMessage.CALLED_OFF).count();
      tasksByInvitation.put(invitationId, tasks);
    }
    for (long invitationId : toTell) {
      long emails = sentIds.containsKey(invitationId) ? 1 : 0;
      assertThat(emails + tasksByInvitation.get(invitationId))
          .as("emails and coordinator tasks telling invitation %s", invitationId).isEqualTo(1);
    }
    assertThat(sentIds.keySet()).as("called-off emails only to people who were invited").isSubsetOf(toTell);
    assertThat(tasksByInvitation.values()).as("someone told by a coordinator").contains(1L);

    Map<String, Long> received = receivedCalledOff();
    assertThat(received.keySet()).as("called-off emails at the mail server")
        .containsExactlyInAnyOrderElementsOf(sentIds.values());
    assertThat(received.values()).as("copies of each").containsOnly(1L);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM cc_involvement_request WHERE status <> 'CALLED_OFF' AND cycle_id IN "
        + ofTheseCycles)
        .query(Long.class).single()).as("requests still holding anyone's time").isZero();
    ClusterWork.assertNothingStuck(cluster.nodeA.engine());
    assertThat(new WebSession(cluster.nodeA.url("")).get("/actuator/health").statusCode()).isEqualTo(200);
    System.out.printf("STOPPED THROUGH OUTAGES: %d cycles stopped with the mail server down and then the database "
        + "down %d s; %d people told by email once each, %d by a coordinator task%n", CYCLES,
        DATABASE_OUTAGE.toSeconds(), received.size(), tasksByInvitation.values().stream().filter(n -> n == 1).count());
  }

  /**
   * The called-off messages in the outbox: the invitation each tells, and its Message-ID once sent
   * (until then its status, attempts and last error, which a failure shows).
   */
  private static Map<Long, String> calledOffMessages(JdbcClient jdbc) {
    Map<Long, String> messages = new HashMap<>();
    jdbc.sql("SELECT params, status, mail_message_id, attempts, last_error FROM cc_message WHERE kind = ?")
        .param(SessionNewsMessage.CALLED_OFF)
        .query((rs, n) -> {
          long invitationId = Long.parseLong(rs.getString(1).replaceAll("\\D+", " ").trim().split(" ")[0]);
          messages.put(invitationId, "SENT".equals(rs.getString(2)) ? rs.getString(3)
              : rs.getString(2) + " after " + rs.getInt(4) + " attempts: " + rs.getString(5));
          return invitationId;
        }).list();
    return messages;
  }

  /** How many copies of each called-off email the mail server holds, by Message-ID. */
  private static Map<String, Long> receivedCalledOff() {
    return Arrays.stream(cluster.mail().getReceivedMessages())
        .filter(m -> subject(m).contains("will not happen"))
        .collect(Collectors.groupingBy(StoppingThroughOutagesTest::messageId, Collectors.counting()));
  }

  private static String subject(MimeMessage message) {
    try {
      return String.valueOf(message.getSubject());
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
