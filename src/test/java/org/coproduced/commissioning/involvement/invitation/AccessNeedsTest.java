package org.coproduced.commissioning.involvement.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.experts.Expert;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.notification.Deliveries;
import org.coproduced.commissioning.notification.MailTest;
import org.coproduced.commissioning.notification.Mailbox;
import org.coproduced.commissioning.notification.MessageContent;
import org.coproduced.commissioning.notification.TestMailServer;
import org.coproduced.commissioning.support.PersonalDataScan;
import org.coproduced.commissioning.support.PoolFixtures;
import org.coproduced.commissioning.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * What an expert needs to take part reaches a coordinator who acts on it, whichever way they
 * said yes (the email link, Tasklist, a coordinator answering for them or following them up): it
 * is shown on the proposal and expert pages, the coordinators get a task due before the session,
 * and what they arranged is kept. The words stay in the application's table; auditors see counts.
 */
@MailTest
class AccessNeedsTest {

  static final String NEEDS = "I use a wheelchair: step-free access please (access needs test)";
  static final String ARRANGED = "Booked the ground-floor room and a taxi at 9:45 (access needs test)";

  @RegisterExtension static GreenMailExtension mail = TestMailServer.extension();

  @Autowired ApplicationContext context;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired AccessArrangements arrangements;
  @LocalServerPort int port;

  PoolFixtures fixtures;
  Deliveries deliveries;

  @BeforeEach
  void setUp() {
    fixtures = new PoolFixtures(context);
    deliveries = new Deliveries(engine, jdbc);
  }

  @AfterEach
  void tidyUp() {
    ClockUtil.reset();
    fixtures.retireAll();
  }

  @Test
  void aYesByLinkWithNeedsIsShownToCoordinatorsWhoArrangeItBeforeTheSession() throws Exception {
    Expert expert = fixtures.expert("payment", "homelessness");
    InvitedGate gate = InvitedGate.described(context, "ANALYSE", Map.of()).invite(expert);
    deliveries.sendAll();
    String token = single(InvitedGate.emailOf(expert)).token("/app/invitations/");

    // The email's "yes" link carries ?answer=accept; the form must not post it a second time.
    assertThat(mvc.perform(MockMvcRequestBuilders.get("/app/invitations/" + token).param("answer", "accept"))
        .andReturn().getResponse().getContentAsString())
        .contains("<form method=\"post\" action=\"/app/invitations/" + token + "\">");
    String done = mvc.perform(MockMvcRequestBuilders.post("/app/invitations/" + token).param("answer", "accept")
        .param("accessNeeds", NEEDS)).andReturn().getResponse().getContentAsString();

    assertThat(done).contains("You said yes", "A coordinator will arrange what you told us you need")
        .doesNotContain("will be in touch to confirm");
    long invitationId = gate.invitationOf(expert);
    Task arrange = arrangementTask(invitationId);
    assertThat(arrange.getName()).isEqualTo("Arrange what " + expert.ref() + " needs for the session on "
        + MessageContent.DAY.format(gate.sessionDate) + " · Night shelter");
    assertThat(arrange.getDueDate()).isEqualTo(arrangements.arrangeBy(gate.sessionDate))
        .isBefore(Date.from(gate.sessionDate.atStartOfDay(ZoneId.systemDefault()).toInstant()));
    assertThat(engine.getTaskService().getIdentityLinksForTask(arrange.getId()))
        .anyMatch(link -> "coordinators".equals(link.getGroupId()));
    WebSession coordinator = signedIn("coordinator");
    assertThat(coordinator.get("/app/requests/" + gate.requestId + "/proposal").body())
        .contains(NEEDS, "Not arranged yet");
    assertThat(coordinator.get("/app/experts/" + expert.ref()).body()).contains("What they need to take part", NEEDS);
    assertThat(PersonalDataScan.find(jdbc, "ACT_", NEEDS)).as("the needs in engine tables").isEmpty();

    gate.driver.submit(arrange, Map.of("privateAccessArranged", ARRANGED));

    assertThat(coordinator.get("/app/requests/" + gate.requestId + "/proposal").body()).contains(NEEDS, ARRANGED)
        .doesNotContain("Not arranged yet");
    assertThat(jdbc.sql("SELECT access_arranged_by, access_arranged_in_time FROM cc_invitation WHERE id = ?")
        .param(invitationId).query((rs, n) -> rs.getString(1) + " " + rs.getBoolean(2)).single())
        .isEqualTo("coordinator true");
    assertThat(PersonalDataScan.find(jdbc, "ACT_", NEEDS, ARRANGED)).as("words in engine tables").isEmpty();
    JsonNode session = auditedGate(gate);
    assertThat(session.get("withAccessNeeds").asInt()).isEqualTo(1);
    assertThat(session.get("accessArrangedBeforeSession").asInt()).isEqualTo(1);
    assertThat(session.get("accessNotArranged").asInt()).isZero();
  }

  @Test
  void auditorsSeeCountsPerSessionAndNeverTheWords() throws Exception {
    Expert early = fixtures.expert("payment", "homelessness");
    Expert late = fixtures.expert("payment", "homelessness");
    Expert waiting = fixtures.expert("payment", "homelessness");
    InvitedGate gate = InvitedGate.described(context, "ANALYSE", Map.of()).invite(early, late, waiting);
    for (Expert expert : List.of(early, late, waiting)) {
      gate.driver.submit(gate.answerTask(expert), Map.of("invitationAnswer", "accept", "privateAccessNeeds", NEEDS));
    }
    gate.driver.submit(arrangementTask(gate.invitationOf(early)), Map.of("privateAccessArranged", ARRANGED));
    ClockUtil.setCurrentTime(Date.from(gate.sessionDate.atTime(11, 0).atZone(ZoneId.systemDefault()).toInstant()));
    gate.driver.submit(arrangementTask(gate.invitationOf(late)), Map.of("privateAccessArranged", ARRANGED));

    JsonNode session = auditedGate(gate);
    assertThat(session.get("accepted").asInt()).isEqualTo(3);
    assertThat(session.get("withAccessNeeds").asInt()).isEqualTo(3);
    assertThat(session.get("accessArrangedBeforeSession").asInt()).isEqualTo(1);
    assertThat(session.get("accessArrangedLate").asInt()).isEqualTo(1);
    assertThat(session.get("accessNotArranged").asInt()).isEqualTo(1);
    WebSession auditor = signedIn("auditor");
    String csv = auditor.get("/app/api/audit/cycles/" + gate.cycleId + "/sessions.csv").body();
    assertThat(csv).contains("with access needs,arranged before the session,arranged late,not arranged")
        .contains(gate.sessionDate + ",3,3,0,3,1,1,1");
    assertThat(csv + auditor.get("/app/api/audit/cycles/" + gate.cycleId).body()).doesNotContain("wheelchair",
        "ground-floor");
  }

  @Test
  void aCoordinatorAnsweringInTasklistForTheExpertRecordsTheirNeedsAndGetsTheTask() {
    Expert expert = fixtures.expert("payment", "homelessness");
    InvitedGate gate = InvitedGate.described(context, "ANALYSE", Map.of()).invite(expert);

    gate.driver.submit(gate.answerTask(expert), Map.of("invitationAnswer", "accept", "privateAccessNeeds", NEEDS));

    long invitationId = gate.invitationOf(expert);
    assertThat(needsOf(invitationId)).isEqualTo(NEEDS);
    assertThat(arrangementTask(invitationId).getName()).startsWith("Arrange what " + expert.ref() + " needs");
    assertThat(PersonalDataScan.find(jdbc, "ACT_", NEEDS)).isEmpty();
  }

  @Test
  void aYesGivenWhenTheCoordinatorFollowsThemUpRecordsTheirNeedsAndGetsTheTask() {
    Expert expert = fixtures.expert("payment", "homelessness");
    InvitedGate gate = InvitedGate.described(context, "ANALYSE", Map.of()).invite(expert);
    gate.driver.fireTimer(gate.bk, "Event_NoAnswer");

    gate.driver.submit(gate.driver.task(gate.bk, "Activity_FollowUpInvitation"), Map.of("contactMethod", "phone",
        "invitationAnswer", "accept", "privateAccessNeeds", NEEDS));

    long invitationId = gate.invitationOf(expert);
    assertThat(needsOf(invitationId)).isEqualTo(NEEDS);
    assertThat(arrangementTask(invitationId)).isNotNull();
    assertThat(PersonalDataScan.find(jdbc, "ACT_", NEEDS)).isEmpty();
  }

  @Test
  void aYesWithoutNeedsOrANoGivesNobodyATask() {
    Expert yes = fixtures.expert("payment", "homelessness");
    Expert no = fixtures.expert("payment", "homelessness");
    InvitedGate gate = InvitedGate.described(context, "ANALYSE", Map.of()).invite(yes, no);

    gate.driver.submit(gate.answerTask(yes), Map.of("invitationAnswer", "accept"));
    gate.driver.submit(gate.answerTask(no), Map.of("invitationAnswer", "decline", "privateAccessNeeds", NEEDS));

    for (Expert expert : List.of(yes, no)) {
      assertThat(arrangements(gate.invitationOf(expert))).as(expert.ref()).isZero();
    }
  }

  @Test
  void aYesToAnEvaluationGivesTheTaskToSendTheBidsTheWayTheExpertReadsThem() {
    Expert byEmail = fixtures.expert("payment", "homelessness");
    Expert byPost = fixtures.expert("payment", "homelessness");
    jdbc.sql("UPDATE cc_expert SET contact_channel = 'POST' WHERE id = ?").param(byPost.id()).update();
    InvitedGate gate = InvitedGate.described(context, "EVALUATION", Map.of()).invite(byEmail, byPost);

    for (Expert expert : List.of(byEmail, byPost)) {
      gate.driver.submit(gate.answerTask(expert), Map.of("invitationAnswer", "accept"));
    }

    assertThat(papersToSend(arrangementTask(gate.invitationOf(byEmail)))).startsWith("The bids, by email");
    assertThat(papersToSend(arrangementTask(gate.invitationOf(byPost)))).isEqualTo("The bids, by post");
    assertThat(auditedGate(gate).get("withAccessNeeds").asInt()).as("papers are not access needs").isZero();
  }

  @Test
  void anArrangementMustSayWhatWasArranged() {
    Expert expert = fixtures.expert("payment", "homelessness");
    InvitedGate gate = InvitedGate.described(context, "ANALYSE", Map.of()).invite(expert);
    gate.driver.submit(gate.answerTask(expert), Map.of("invitationAnswer", "accept", "privateAccessNeeds", NEEDS));
    Task arrange = arrangementTask(gate.invitationOf(expert));

    assertThatThrownBy(() -> gate.driver.submit(arrange, Map.of("privateAccessArranged", " ")))
        .isInstanceOf(FormInputException.class).hasMessageContaining("What did you arrange?");

    assertThat(arrangementTask(gate.invitationOf(expert)).getId()).isEqualTo(arrange.getId());
    assertThat(jdbc.sql("SELECT COUNT(*) FROM cc_invitation WHERE id = ? AND access_arranged_at IS NULL")
        .param(gate.invitationOf(expert)).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void theTaskIsDueTwoWorkingDaysBeforeTheSessionNotCountingWeekendsOrBankHolidays() {
    // Monday 4 January 2027: 1 January is a bank holiday, so two working days before is 30 December.
    assertThat(arrangements.arrangeBy(LocalDate.of(2027, 1, 4))).isEqualTo(endOfDay(LocalDate.of(2026, 12, 30)));
    // Wednesday 10 March 2027: Monday 8 March.
    assertThat(arrangements.arrangeBy(LocalDate.of(2027, 3, 10))).isEqualTo(endOfDay(LocalDate.of(2027, 3, 8)));
  }

  private static Date endOfDay(LocalDate day) {
    return Date.from(LocalDateTime.of(day, AccessArrangements.DUE_AT).atZone(ZoneId.systemDefault()).toInstant());
  }

  private Task arrangementTask(long invitationId) {
    Task task = engine.getTaskService().createTaskQuery().processDefinitionKey(AccessArrangementVariables.PROCESS_ID)
        .processInstanceBusinessKey(AccessArrangements.businessKey(invitationId)).singleResult();
    assertThat(task).as("the arrangement task of invitation %s", invitationId).isNotNull();
    return task;
  }

  private long arrangements(long invitationId) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(AccessArrangementVariables.PROCESS_ID)
        .processInstanceBusinessKey(AccessArrangements.businessKey(invitationId)).count();
  }

  private String papersToSend(Task task) {
    return (String) engine.getTaskService().getVariable(task.getId(), AccessArrangementVariables.PAPERS_TO_SEND);
  }

  private String needsOf(long invitationId) {
    return jdbc.sql("SELECT access_needs FROM cc_invitation WHERE id = ?").param(invitationId).query(String.class)
        .single();
  }

  private JsonNode auditedGate(InvitedGate gate) {
    try {
      JsonNode detail = new ObjectMapper().readTree(
          signedIn("auditor").get("/app/api/audit/cycles/" + gate.cycleId).body());
      for (JsonNode g : detail.get("gates")) {
        if (g.get("requestId").asLong() == gate.requestId) {
          return g;
        }
      }
      throw new AssertionError("no gate " + gate.requestId + " in " + detail);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Mailbox.Mail single(String address) {
    List<Mailbox.Mail> found = Mailbox.to(mail, address);
    assertThat(found).as("messages to %s", address).hasSize(1);
    return found.get(0);
  }

  private WebSession signedIn(String user) {
    return new WebSession(port).signIn(user.startsWith("auditor") ? "cockpit" : "tasklist", user);
  }
}
