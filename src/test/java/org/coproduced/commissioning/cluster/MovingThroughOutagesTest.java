package org.coproduced.commissioning.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.coproduced.commissioning.experts.ExpertContacts;
import org.coproduced.commissioning.involvement.InvolvementRequest;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.SessionMove;
import org.coproduced.commissioning.involvement.invitation.Invitation;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationStatus;
import org.coproduced.commissioning.involvement.invitation.SessionChanges;
import org.coproduced.commissioning.involvement.invitation.SessionNewsMessage;
import org.coproduced.commissioning.involvement.matching.MatchingService;
import org.coproduced.commissioning.support.CycleDriver;
import org.coproduced.commissioning.support.FaultsProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sessions everyone said yes to are moved on two nodes with the mail server down; then the
 * database stops for a while too. When both are back, everyone who had said yes hears of the move
 * once: one new invitation each by email, or one coordinator task for people reached by phone or
 * post. Nothing is lost and nothing is sent twice.
 */
@FaultsProfile
class MovingThroughOutagesTest {

  static final int CYCLES = 2;
  static final Duration DATABASE_OUTAGE = Duration.ofSeconds(15);
  static final String REASON = "The hall is closed for repairs that week, so we meet online.";

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
  void sessionsMovedWhileMailAndThenTheDatabaseAreDownTellEveryoneComingOnce() {
    ProcessEngine[] engines = cluster.engines();
    JdbcClient jdbc = cluster.jdbc();
    List<String> cycles = new ArrayList<>();
    Map<String, LocalDate> days = new HashMap<>();
    for (int i = 0; i < CYCLES; i++) {
      AlternatingDriver driver = new AlternatingDriver(i, engines);
      String bk = driver.startCycle("Moved through an outage " + i).getBusinessKey();
      LocalDate day = CycleDriver.nextSessionDate();
      driver.agreePlan(bk);
      driver.describeRequest(bk, day, 2);
      driver.acceptRequest(bk);
      confirmWithSomeoneReachedByPhoneOrPost(driver, jdbc, bk);
      driver.acceptAllInvitations(bk);
      cycles.add(bk);
      days.put(bk, day);
    }
    String ofTheseCycles = cycles.stream().collect(Collectors.joining(",", "(", ")"));
    List<Long> coming = jdbc.sql("""
            SELECT i.id FROM cc_invitation i JOIN cc_involvement_request r ON r.id = i.request_id
            WHERE i.status = 'ACCEPTED' AND r.cycle_id IN """ + ofTheseCycles + " ORDER BY i.id")
        .query(Long.class).list();
    assertThat(coming).as("people who said yes").hasSizeGreaterThanOrEqualTo(2 * CYCLES);

    cluster.stopMail();
    SessionChanges[] changes = {cluster.nodeA.bean(SessionChanges.class), cluster.nodeB.bean(SessionChanges.class)};
    for (int i = 0; i < CYCLES; i++) {
      String bk = cycles.get(i);
      long requestId = jdbc.sql("SELECT MAX(id) FROM cc_involvement_request WHERE cycle_id = ?")
          .param(Long.parseLong(bk)).query(Long.class).single();
      changes[i % 2].move(requestId, new SessionMove(days.get(bk).plusDays(7), "14:00", "online",
          "Online: the link comes with the papers.", REASON, null), CycleDriver.COORDINATOR);
    }
    Eventually.await("a new invitation to fail against the stopped mail server", Duration.ofSeconds(60),
        () -> jdbc.sql("SELECT COUNT(*) FROM cc_message WHERE idempotency_key LIKE '%/change-1' "
            + "AND last_error IS NOT NULL").query(Long.class).single(), failed -> failed > 0);

    cluster.outage(DATABASE_OUTAGE);

    Map<Long, String> sentIds = Eventually.await("every new invitation to be sent", Duration.ofSeconds(180),
        () -> movedInvitations(jdbc), messages -> !messages.isEmpty()
            && messages.values().stream().allMatch(id -> id.startsWith("<")));
    Map<Long, Long> tasksByInvitation = new HashMap<>();
    for (long invitationId : coming) {
      tasksByInvitation.put(invitationId, cluster.nodeA.engine().getTaskService().createTaskQuery()
          .processDefinitionKey("session-news").processVariableValueEquals("invitationId", invitationId)
          .processVariableValueEquals("news", SessionNewsMessage.MOVED).count());
    }
    for (long invitationId : coming) {
      long emails = sentIds.containsKey(invitationId) ? 1 : 0;
      assertThat(emails + tasksByInvitation.get(invitationId))
          .as("emails and coordinator tasks telling invitation %s of the move", invitationId).isEqualTo(1);
    }
    assertThat(sentIds.keySet()).as("new invitations only to people who had said yes").isSubsetOf(coming);
    assertThat(tasksByInvitation.values()).as("someone told by a coordinator").contains(1L);
    Map<String, Long> received = Arrays.stream(cluster.mail().getReceivedMessages())
        .filter(m -> subject(m).contains("Your session has moved"))
        .collect(Collectors.groupingBy(MovingThroughOutagesTest::messageId, Collectors.counting()));
    assertThat(received.keySet()).as("news of the move at the mail server")
        .containsExactlyInAnyOrderElementsOf(sentIds.values());
    assertThat(received.values()).as("copies of each").containsOnly(1L);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM cc_involvement_request WHERE session_changes <> 1 AND cycle_id IN "
        + ofTheseCycles).query(Long.class).single()).as("sessions not moved exactly once").isZero();
    ClusterWork.assertNothingStuck(cluster.nodeA.engine());
    System.out.printf("MOVED THROUGH OUTAGES: %d sessions moved with the mail server down and then the database "
        + "down %d s; %d people told by email once each, %d by a coordinator task%n", CYCLES,
        DATABASE_OUTAGE.toSeconds(), received.size(), tasksByInvitation.values().stream().filter(n -> n == 1).count());
  }

  /** The new invitations after a move: the invitation each is about, and its Message-ID once sent. */
  private static Map<Long, String> movedInvitations(JdbcClient jdbc) {
    Map<Long, String> messages = new HashMap<>();
    jdbc.sql("""
            SELECT params, status, mail_message_id, attempts, last_error FROM cc_message
            WHERE kind = 'INVITATION' AND idempotency_key LIKE '%/change-1'""")
        .query((rs, n) -> {
          long invitationId = Long.parseLong(rs.getString(1).replaceAll("\\D+", " ").trim().split(" ")[0]);
          messages.put(invitationId, "SENT".equals(rs.getString(2)) ? rs.getString(3)
              : rs.getString(2) + " after " + rs.getInt(4) + " attempts: " + rs.getString(5));
          return invitationId;
        }).list();
    return messages;
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

  /**
   * Each session has someone a coordinator tells by phone or post, so that both ways of hearing of
   * the move are tested: added when matching did not propose one, as a coordinator may.
   */
  private static void confirmWithSomeoneReachedByPhoneOrPost(AlternatingDriver driver, JdbcClient jdbc, String bk) {
    long requestId = jdbc.sql("SELECT MAX(id) FROM cc_involvement_request WHERE cycle_id = ?")
        .param(Long.parseLong(bk)).query(Long.class).single();
    ExpertContacts contacts = cluster.nodeA.bean(ExpertContacts.class);
    List<String> proposed = cluster.nodeA.bean(InvitationRepository.class).findByRequest(requestId).stream()
        .filter(i -> i.status() == InvitationStatus.PROPOSED).map(Invitation::expertRef).toList();
    Map<String, Object> confirm = new HashMap<>(Map.of("proposalConfirmed", true));
    if (proposed.stream().allMatch(contacts::emailReaches)) {
      InvolvementRequest request = cluster.nodeA.bean(InvolvementRequestRepository.class).get(requestId);
      String offline = cluster.nodeA.bean(MatchingService.class).eligible(request).stream()
          .map(c -> c.expert().ref()).filter(ref -> !contacts.emailReaches(ref)).findFirst()
          .orElseThrow(() -> new AssertionError("Nobody who prefers post or phone is free for cycle " + bk));
      confirm.put("addExpertRefs", offline);
      confirm.put("overrideReason", "They asked to take part in this one, and prefer a phone call.");
    }
    driver.submit(driver.task(bk, "Activity_ConfirmExperts"), confirm);
  }
}
