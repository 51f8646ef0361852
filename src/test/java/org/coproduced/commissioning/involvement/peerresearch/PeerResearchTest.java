package org.coproduced.commissioning.involvement.peerresearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.involvement.contribution.Contribution;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.involvement.contribution.ContributionRoute;
import org.coproduced.commissioning.involvement.invitation.SessionChanges;
import org.coproduced.commissioning.involvement.matching.MatchingProperties;
import org.coproduced.commissioning.notification.MailTest;
import org.coproduced.commissioning.notification.Mailbox;
import org.coproduced.commissioning.notification.TestMailServer;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Peer research end to end, through the real models, the outbox and the mail server: the
 * invitation says what peer research is, the researcher records what people told them, the gate
 * passes on those contributions alone, the hours reach the ledger, and their "you said, we did"
 * carries the words to pass back. Runs on H2 and, in the postgres-tests execution, on PostgreSQL.
 */
@MailTest
class PeerResearchTest {

  static final String HARRY = "harry.walsh@example.org"; // EX-0008, email
  static final String IMANI = "imani.brooks@example.org"; // EX-0009, email
  static final String HEARD_FIRST = "Nobody answers the phone after six, so people give up.";
  static final String HEARD_SECOND = "A drop-in with no forms would help people who cannot read well.";

  @RegisterExtension static GreenMailExtension mail = TestMailServer.extension();

  @Autowired ApplicationContext context;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired ContributionRepository contributions;
  @Autowired MatchingProperties matching;
  @Autowired SessionChanges sessionChanges;
  @Autowired org.springframework.test.web.servlet.MockMvc mvc;

  PeerResearchGate gate;

  @BeforeEach
  void setUp() {
    gate = new PeerResearchGate(context);
  }

  @Test
  void peerResearchAlonePassesTheGateAndThePeerResearcherGetsTheWordsToPassBack() {
    String bk = gate.invited("Peer research only", PeerResearchGate.peerResearchOnly(1), "EX-0008");
    gate.deliveries().sendAll();
    ProcessInstance gateInstance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(bk).processDefinitionKey("involvement-request").singleResult();

    Mailbox.Mail invitation = only(HARRY, "/app/invitations/");
    assertThat(invitation.subject()).startsWith("An invitation to gather views by");
    assertThat(invitation.text()).contains("be a peer researcher", PeerResearchGate.ASK,
        "for the hours you spend gathering views").doesNotContain("Start time:", "Who else will be there");
    assertThat(invitation.html()).contains("be a peer researcher", "for the hours you spend gathering views")
        .doesNotContain("Start time");

    gate.driver().submit(gate.invitationOf(bk, "EX-0008"), Map.of("invitationAnswer", "accept"));
    assertThat(gateInstance).isWaitingAt(PeerResearchVariables.RECORD_PEER_RESEARCH)
        .hasNotPassed("SubProcess_AwaitSession");
    Task record = gate.recordOf(bk, "EX-0008");
    assertThat(record.getName()).startsWith("Record what people told").endsWith(" · Peer research only");
    assertThat(record.getDueDate()).isNotNull();
    assertThat(engine.getTaskService().getVariableLocal(record.getId(), "whatToAsk")).asString()
        .contains("help at night");

    gate.driver().submit(record, PeerResearchGate.gathered(7, 3, HEARD_FIRST, HEARD_SECOND));

    assertThat(gateInstance).hasPassed("Gateway_AnyContributions", "Activity_RecordRecompense").isEnded();
    long requestId = gate.requestId(bk);
    assertThat(contributions.findByCycle(Long.parseLong(bk))).extracting(Contribution::said, Contribution::route,
        Contribution::expertRef).containsExactly(
            org.assertj.core.groups.Tuple.tuple(HEARD_FIRST, ContributionRoute.PEER_RESEARCH, "EX-0008"),
            org.assertj.core.groups.Tuple.tuple(HEARD_SECOND, ContributionRoute.PEER_RESEARCH, "EX-0008"));
    assertThat(jdbc.sql("SELECT people_heard FROM cc_peer_researcher WHERE request_id = ?").param(requestId)
        .query(Integer.class).single()).isEqualTo(7);
    assertThat(jdbc.sql("SELECT work || ' ' || hours || ' ' || amount FROM cc_recompense WHERE request_id = ?")
        .param(requestId).query(String.class).single())
        .isEqualTo("PEER_RESEARCH 3 " + matching.hourlyRate().multiply(BigDecimal.valueOf(3)).setScale(2));
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().variableNameLike("privatePoint%")
        .count()).as("no word of what people said stays in the engine").isZero();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey("session-experience/" + gate.invitationId(bk, "EX-0008")).count())
        .as("How was it for you? is asked after peer research too").isEqualTo(1);
    gate.deliveries().sendAll();
    assertThat(Mailbox.to(mail, HARRY)).filteredOn(m -> m.subject().equals("How was peer research for you?"))
        .singleElement().extracting(Mailbox.Mail::text).asString()
        .contains("Thank you for gathering views as a peer researcher for \"Peer research only\"");

    // The commissioner answers; the peer researcher hears what happened, with words to pass back.
    engine.getRuntimeService().startProcessInstanceByKey("feedback-delivery", bk,
        Map.of("cycleId", Long.parseLong(bk), "commissioner", "commissioner"));
    gate.driver().answerAll(bk);
    gate.deliveries().sendAll();
    Mailbox.Mail feedback = Mailbox.to(mail, HARRY).stream()
        .filter(m -> m.subject().equals("What we did with what you said")).findFirst().orElseThrow();
    assertThat(feedback.text()).contains("Passing this back to the people you heard from",
        "You told me: \"" + HEARD_FIRST + "\". I passed this on without your name. The council did this.",
        "You told me: \"" + HEARD_SECOND + "\"");
    assertThat(feedback.text().split("You told me: ", -1)).as("one paragraph of words per point").hasSize(3);
    assertThat(feedback.html()).contains("id=\"pass-back\"", "The council did this.");
  }

  @Test
  void aSessionAndPeerResearchTogetherEachExpertChoosesAndTheGatePassesOnBoth() {
    String bk = gate.invited("Both routes", PeerResearchGate.both(2), "EX-0008", "EX-0009");
    gate.deliveries().sendAll();
    assertThat(only(IMANI, "/app/invitations/").text()).contains("Or, instead: peer research", PeerResearchGate.ASK,
        "tell us whether you will come to the session or be a peer researcher", "Start time:");

    Task harrys = gate.invitationOf(bk, "EX-0008");
    assertThatThrownBy(() -> gate.driver().submit(harrys, Map.of("invitationAnswer", "accept")))
        .hasMessageContaining("Please choose how you would like to take part");
    gate.driver().submit(harrys, Map.of("invitationAnswer", "accept", "takePartAs", "session"));
    gate.driver().submit(gate.invitationOf(bk, "EX-0009"),
        Map.of("invitationAnswer", "accept", "takePartAs", "peerResearch"));

    gate.driver().fireTimer(bk, "Event_SessionDue");
    List<Task> attendance = gate.driver().tasks(bk, "Activity_RecordContribution");
    assertThat(attendance).as("only the expert coming to the session has an attendance task").hasSize(1);
    gate.driver().submit(attendance.get(0), Map.of("attended", "yes", "hoursGiven", 2,
        "privateContribution1", "The night bus stops too far from the hostel."));
    gate.driver().submit(gate.recordOf(bk, "EX-0009"), PeerResearchGate.gathered(4, 5, HEARD_FIRST));

    assertThat(contributions.findByCycle(Long.parseLong(bk))).extracting(Contribution::expertRef, Contribution::route)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("EX-0008", ContributionRoute.SESSION),
            org.assertj.core.groups.Tuple.tuple("EX-0009", ContributionRoute.PEER_RESEARCH));
    assertThat(jdbc.sql("SELECT work FROM cc_recompense WHERE request_id = ? ORDER BY work")
        .param(gate.requestId(bk)).query(String.class).list()).containsExactly("PEER_RESEARCH", "SESSION");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(bk)
        .processDefinitionKey("involvement-request").count()).as("the gate passed").isZero();
  }

  @Test
  void onTheAnswerPageOfARequestWithBothTheExpertChoosesHowAndAYesWithoutAChoiceChangesNothing() throws Exception {
    String bk = gate.invited("Both routes by link", PeerResearchGate.both(1), "EX-0009");
    gate.deliveries().sendAll();
    String token = only(IMANI, "/app/invitations/").token("/app/invitations/");
    long invitation = gate.invitationId(bk, "EX-0009");

    assertThat(page(get("/app/invitations/" + token), 200)).contains("id=\"take-part-as\"",
        "I will be a peer researcher");
    assertThat(page(post("/app/invitations/" + token).param("answer", "accept"), 200))
        .contains("Please choose how you would like to take part");
    assertThat(gate.driver().tasks(bk, "Activity_AnswerInvitation")).as("still waiting for the answer").hasSize(1);
    assertThat(jdbc.sql("SELECT status FROM cc_invitation WHERE id = ?").param(invitation).query(String.class).single())
        .isEqualTo("INVITED");

    assertThat(page(post("/app/invitations/" + token).param("answer", "accept").param("takePartAs", "peerResearch"),
        200)).contains("Thank you for your answer");

    assertThat(jdbc.sql("SELECT COUNT(*) FROM cc_peer_researcher WHERE invitation_id = ?").param(invitation)
        .query(Integer.class).single()).isEqualTo(1);
    assertThat(Mailbox.to(mail, IMANI)).as("no session confirmation for a peer researcher")
        .noneMatch(m -> m.subject().contains("is confirmed"));
  }

  @Test
  void whatAPeerResearcherRecordsIsRefusedPlainlyWhenItCannotBeRightAndNothingChanges() {
    String bk = gate.invited("Peer research refused", PeerResearchGate.peerResearchOnly(1), "EX-0008");
    gate.driver().submit(gate.invitationOf(bk, "EX-0008"), Map.of("invitationAnswer", "accept"));
    Task record = gate.recordOf(bk, "EX-0008");

    assertRefused(record, PeerResearchGate.gathered(0, 2, HEARD_FIRST), "\"How many people you heard from\" must be between 1 and 500");
    assertRefused(record, PeerResearchGate.gathered(3, 2), "Please write down at least one thing people told you");
    assertRefused(record, PeerResearchGate.gathered(3, 2, "  "), "Please write down at least one thing people told you");
    assertRefused(record, PeerResearchGate.gathered(3, 0, HEARD_FIRST), "\"Hours you spent\" must be between 1 and 40");
    assertRefused(record, PeerResearchGate.gathered(3, 2, HEARD_FIRST, "Mrs Okafor said the hostel was cold."),
        "Point 2 seems to say who someone is (\"Mrs Okafor\")");
    assertRefused(record, PeerResearchGate.gathered(3, 2, "Ring me on 07700 900123 if you need more."),
        "Point 1 seems to say who someone is");
    assertRefused(record, PeerResearchGate.gathered(3, 2, "x".repeat(4001)), "Point 1");
    Map<String, Object> hostile = PeerResearchGate.gathered(3, 2, HEARD_FIRST);
    hostile.put("peopleHeard", "seven'); DROP TABLE cc_contribution;--");
    assertRefused(record, hostile, "\"How many people you heard from\" must be a number");

    long requestId = gate.requestId(bk);
    assertThat(contributions.countForRequest(requestId)).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM cc_recompense WHERE request_id = ?").param(requestId)
        .query(Integer.class).single()).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM cc_peer_researcher WHERE request_id = ? AND recorded_at IS NOT NULL")
        .param(requestId).query(Integer.class).single()).isZero();
    assertThat(gate.driver().tasks(bk, PeerResearchVariables.RECORD_PEER_RESEARCH)).hasSize(1);
    assertThatThrownBy(() -> sessionChanges.cancel(requestId, "The room flooded.", "coordinator"))
        .as("peer research only has no session to cancel").hasMessageContaining("there is no session to move or cancel");
  }

  @Test
  void aRequestForPeerResearchNeedsItsDateAndWhatToAskAndNoSessionDetails() {
    long before = jdbc.sql("SELECT COUNT(*) FROM cc_involvement_request").query(Long.class).single();
    Map<String, Object> noDate = PeerResearchGate.peerResearchOnly(1);
    noDate.remove("peerResearchBy");
    Map<String, Object> noAsk = PeerResearchGate.peerResearchOnly(1);
    noAsk.put("peerResearchAsk", " ");
    Map<String, Object> past = PeerResearchGate.peerResearchOnly(1);
    past.put("peerResearchBy", java.time.LocalDate.now().minusDays(1).toString());
    Map<String, Object> unknown = PeerResearchGate.peerResearchOnly(1);
    unknown.put("howToTakePart", "<script>alert(1)</script>");

    assertThatThrownBy(() -> gate.invited("No date", noDate, "EX-0008")).hasMessageContaining(
        "Please fill in \"Date to gather views by\"");
    assertThatThrownBy(() -> gate.invited("No ask", noAsk, "EX-0008")).hasMessageContaining(
        "Please fill in \"What peer researchers ask people about\"");
    assertThatThrownBy(() -> gate.invited("Past", past, "EX-0008")).hasMessageContaining(
        "The date to gather views by has already passed");
    assertThatThrownBy(() -> gate.invited("Unknown", unknown, "EX-0008")).hasMessageContaining(
        "Please choose how experts take part");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM cc_involvement_request").query(Long.class).single()).isEqualTo(before);
  }

  private void assertRefused(Task record, Map<String, Object> fields, String message) {
    assertThatThrownBy(() -> gate.driver().submit(record, new HashMap<>(fields))).hasMessageContaining(message);
  }

  private String page(org.springframework.test.web.servlet.RequestBuilder request, int status) throws Exception {
    org.springframework.test.web.servlet.MvcResult result = mvc.perform(request).andReturn();
    assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
    return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
  }

  private Mailbox.Mail only(String address, String path) {
    List<Mailbox.Mail> found = Mailbox.to(mail, address).stream().filter(m -> m.text().contains(path)).toList();
    assertThat(found).as("messages to %s with a link to %s", address, path).hasSize(1);
    return found.get(0);
  }
}
