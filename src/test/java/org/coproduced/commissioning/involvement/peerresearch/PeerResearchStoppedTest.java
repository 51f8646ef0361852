package org.coproduced.commissioning.involvement.peerresearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.involvement.matching.MatchingProperties;
import org.coproduced.commissioning.notification.MailTest;
import org.coproduced.commissioning.notification.Mailbox;
import org.coproduced.commissioning.notification.Mailbox.Mail;
import org.coproduced.commissioning.notification.TestMailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.coproduced.commissioning.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * When peer research stops, or finds nobody: a peer researcher hears plainly that it is no longer
 * needed and why, and is paid for the hours and expenses they already had; someone who heard from
 * nobody says so kindly and is paid, with no contribution; expenses reach the ledger. Counted at
 * the mail server. Runs on H2 and, in the postgres-tests execution, on PostgreSQL.
 */
@MailTest
class PeerResearchStoppedTest {

  static final String HARRY = "harry.walsh@example.org"; // EX-0008, email
  static final String IMANI = "imani.brooks@example.org"; // EX-0009, email
  static final String REASON = "The council merged this service with another one.";
  static final String NO_LONGER_NEEDED = "is no longer needed";

  @RegisterExtension static GreenMailExtension mail = TestMailServer.extension();

  @Autowired ApplicationContext context;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired ContributionRepository contributions;
  @Autowired MatchingProperties matching;
  @LocalServerPort int port;

  PeerResearchGate gate;

  @BeforeEach
  void setUp() {
    gate = new PeerResearchGate(context);
  }

  @Test
  void stoppingTheCycleTellsPeerResearchersPlainlyAndPaysTheHoursTheyHadSpent() {
    String title = "Peer research stopped";
    String bk = gate.invited(title, PeerResearchGate.peerResearchOnly(3), "EX-0008", "EX-0009", "EX-0005");
    gate.deliveries().sendAll();
    gate.driver().submit(gate.invitationOf(bk, "EX-0008"), Map.of("invitationAnswer", "accept"));
    gate.driver().submit(gate.invitationOf(bk, "EX-0005"), Map.of("invitationAnswer", "accept"));
    long requestId = gate.requestId(bk);
    int harryBefore = Mailbox.to(mail, HARRY).size();
    int imaniBefore = Mailbox.to(mail, IMANI).size();

    stop(bk);
    gate.deliveries().sendAll();

    List<Mail> harrys = Mailbox.to(mail, HARRY).subList(harryBefore, Mailbox.to(mail, HARRY).size());
    assertThat(harrys).as("one message to the peer researcher who said yes").hasSize(1);
    assertThat(harrys.get(0).subject()).isEqualTo("The peer research for \"" + title + "\" " + NO_LONGER_NEEDED);
    assertThat(harrys.get(0).text()).contains("Please stop gathering views", REASON,
        "We will pay you for the hours you have already spent", "A coordinator will be in touch to ask how many hours")
        .doesNotContain("session", "will not happen");
    assertThat(harrys.get(0).html()).contains(REASON, "We will pay you for the hours you have already spent");
    List<Mail> imanis = Mailbox.to(mail, IMANI).subList(imaniBefore, Mailbox.to(mail, IMANI).size());
    assertThat(imanis).as("one message to someone invited who had not answered").hasSize(1);
    assertThat(imanis.get(0).subject()).endsWith(NO_LONGER_NEEDED);
    assertThat(imanis.get(0).text()).contains(REASON, "You do not need to do anything")
        .doesNotContain("A coordinator will be in touch");

    // A coordinator asks everyone who had said yes their hours, whatever their channel; nobody else.
    Task harrysTask = newsTask(gate.invitationId(bk, "EX-0008"));
    assertThat(harrysTask.getName()).isEqualTo(
        "Tell EX-0008 (by email) the peer research is no longer needed, and ask their hours · " + title);
    Task eileensTask = newsTask(gate.invitationId(bk, "EX-0005"));
    assertThat(eileensTask.getName()).startsWith("Tell EX-0005 (by post) the peer research is no longer needed");
    assertThat(newsTasks(gate.invitationId(bk, "EX-0009"))).as("nobody asks hours of someone who never said yes")
        .isEmpty();

    Map<String, Object> unapproved = new HashMap<>(Map.of("contactMethod", "email", "hoursSpent", 3,
        "expensesTravel", 4.5));
    assertThatThrownBy(() -> gate.driver().submit(harrysTask, unapproved))
        .hasMessageContaining("tick \"I approve these expenses\"");
    assertThatThrownBy(() -> gate.driver().submit(harrysTask, Map.of("contactMethod", "email", "hoursSpent", 41)))
        .hasMessageContaining("\"Hours they had spent\" must be between 0 and 40");
    assertThat(ledger(requestId)).as("nothing recorded by refused forms").isEmpty();

    unapproved.put("expensesApproved", true);
    gate.driver().submit(harrysTask, unapproved);
    gate.driver().submit(eileensTask, Map.of("contactMethod", "phone", "hoursSpent", 0));
    BigDecimal threeHours = matching.hourlyRate().multiply(BigDecimal.valueOf(3)).setScale(2);
    assertThat(ledger(requestId)).as("paid for the hours spent; nothing for someone who had not started")
        .containsExactly("PEER_RESEARCH 3 " + threeHours + " 4.50 coordinator");
    assertThat(contributions.countForRequest(requestId)).isZero();

    // Deciding it all again tells nobody twice.
    int sent = Mailbox.to(mail, HARRY).size() + Mailbox.to(mail, IMANI).size();
    stop(bk);
    gate.deliveries().sendAll();
    assertThat(Mailbox.to(mail, HARRY).size() + Mailbox.to(mail, IMANI).size()).isEqualTo(sent);
    assertThat(newsTasks(gate.invitationId(bk, "EX-0008"))).isEmpty();
  }

  @Test
  void afterTheSessionOnlyPeerResearchersStillAtWorkHearThatItStopped() {
    String bk = gate.invited("Both, stopped after the session", PeerResearchGate.both(2), "EX-0008", "EX-0009");
    gate.driver().submit(gate.invitationOf(bk, "EX-0008"), Map.of("invitationAnswer", "accept", "takePartAs", "session"));
    gate.driver().submit(gate.invitationOf(bk, "EX-0009"),
        Map.of("invitationAnswer", "accept", "takePartAs", "peerResearch"));
    gate.driver().fireTimer(bk, "Event_SessionDue");
    gate.driver().submit(gate.driver().tasks(bk, "Activity_RecordContribution").get(0),
        Map.of("attended", "yes", "hoursGiven", 2, "privateContribution1", "The night bus stops too far away."));
    gate.deliveries().sendAll();
    int harryBefore = Mailbox.to(mail, HARRY).size();
    int imaniBefore = Mailbox.to(mail, IMANI).size();

    stop(bk);
    gate.deliveries().sendAll();

    assertThat(Mailbox.to(mail, HARRY).size()).as("someone who already took part in the session is not told it "
        + "will not happen").isEqualTo(harryBefore);
    List<Mail> imanis = Mailbox.to(mail, IMANI).subList(imaniBefore, Mailbox.to(mail, IMANI).size());
    assertThat(imanis).extracting(Mail::subject).singleElement().asString().endsWith(NO_LONGER_NEEDED);
  }

  @Test
  void aPeerResearcherWhoHeardFromNobodySaysSoIsPaidAndTheGateAsksAgain() {
    String bk = gate.invited("Nobody to hear from", PeerResearchGate.peerResearchOnly(1), "EX-0008");
    gate.driver().submit(gate.invitationOf(bk, "EX-0008"), Map.of("invitationAnswer", "accept"));
    ProcessInstance gateInstance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(bk).processDefinitionKey("involvement-request").singleResult();
    Task record = gate.recordOf(bk, "EX-0008");
    long requestId = gate.requestId(bk);

    Map<String, Object> confused = new HashMap<>(Map.of("gatheredAny", "no", "hoursSpent", 2,
        PeerResearchVariables.point(1), "People said the bus is late."));
    assertThatThrownBy(() -> gate.driver().submit(record, confused))
        .hasMessageContaining("You said you could not gather any views, but wrote what people told you");
    assertThatThrownBy(() -> gate.driver().submit(record, Map.of("gatheredAny", "no", "hoursSpent", 2,
        "expensesTravel", "3.205"))).hasMessageContaining("\"Travel\" must be in pounds and pence");
    assertThat(ledger(requestId)).isEmpty();

    gate.driver().submit(record, Map.of("gatheredAny", "no", "hoursSpent", 2, "expensesTravel", 3.2,
        "expensesSubsistence", "1.80"));

    assertThat(contributions.countForRequest(requestId)).as("no contribution").isZero();
    BigDecimal twoHours = matching.hourlyRate().multiply(BigDecimal.valueOf(2)).setScale(2);
    assertThat(ledger(requestId)).as("the hours and expenses are paid; a coordinator checks the expenses")
        .containsExactly("PEER_RESEARCH 2 " + twoHours + " 5.00 null");
    assertThat(jdbc.sql("SELECT expenses_travel || ' ' || expenses_subsistence FROM cc_recompense WHERE request_id = ?")
        .param(requestId).query(String.class).single()).isEqualTo("3.20 1.80");
    assertThat(jdbc.sql("SELECT people_heard FROM cc_peer_researcher WHERE request_id = ?").param(requestId)
        .query(Integer.class).single()).isZero();
    assertThat(new WebSession(port).signIn("tasklist", "coordinator").get("/app/experts/EX-0008").body())
        .as("the expert's page asks a coordinator to check what they recorded")
        .contains("travel £3.20", "as they recorded: check the tickets or receipts before recording this paid");
    assertThat(gateInstance).as("nobody contributed: the commissioner is asked again")
        .hasPassed("Gateway_AnyContributions").isWaitingAt("Activity_DescribeRequest");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey("session-experience/" + gate.invitationId(bk, "EX-0008")).count())
        .as("How was it for you? is asked all the same").isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariables(gateInstance.getId()))
        .as("one researcher's amounts do not reach the next").doesNotContainKeys("expensesTravel", "gatheredAny");
  }

  @Test
  void aPeerResearcherWhoHeardFromPeopleClaimsExpensesWithTheirHours() {
    String bk = gate.invited("Expenses gathered", PeerResearchGate.peerResearchOnly(1), "EX-0008");
    gate.driver().submit(gate.invitationOf(bk, "EX-0008"), Map.of("invitationAnswer", "accept"));
    Map<String, Object> gathered = PeerResearchGate.gathered(4, 3, "People want a drop-in on Saturdays.");
    gathered.put("expensesTravel", 6);
    gathered.put("expensesChildcare", "600");
    assertThatThrownBy(() -> gate.driver().submit(gate.recordOf(bk, "EX-0008"), gathered))
        .hasMessageContaining("\"Childcare or care for someone else\" must be between 0 and 500");
    gathered.put("expensesChildcare", 12.5);
    gate.driver().submit(gate.recordOf(bk, "EX-0008"), gathered);

    long requestId = gate.requestId(bk);
    BigDecimal threeHours = matching.hourlyRate().multiply(BigDecimal.valueOf(3)).setScale(2);
    assertThat(ledger(requestId)).containsExactly("PEER_RESEARCH 3 " + threeHours + " 18.50 null");
    assertThat(contributions.countForRequest(requestId)).isOne();
  }

  /** An administrator deletes the gate, with a reason: as when its cycle is stopped, through the same end listener. */
  private void stop(String bk) {
    engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(bk)
        .processDefinitionKey("involvement-request").list()
        .forEach(gate -> engine.getRuntimeService().deleteProcessInstance(gate.getId(), REASON));
  }

  private List<String> ledger(long requestId) {
    return jdbc.sql("""
            SELECT work || ' ' || hours || ' ' || amount || ' ' || expenses || ' ' || COALESCE(expenses_approved_by, 'null')
            FROM cc_recompense WHERE request_id = ? ORDER BY id""")
        .param(requestId).query(String.class).list();
  }

  private List<Task> newsTasks(long invitationId) {
    return engine.getTaskService().createTaskQuery().processDefinitionKey("session-news")
        .processVariableValueEquals("invitationId", invitationId)
        .processVariableValueEquals("news", PeerResearchCallOff.CALLED_OFF).list();
  }

  private Task newsTask(long invitationId) {
    List<Task> found = newsTasks(invitationId);
    assertThat(found).as("tasks to tell invitation %s", invitationId).hasSize(1);
    return found.get(0);
  }
}
