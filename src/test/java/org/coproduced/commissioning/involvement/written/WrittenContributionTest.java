package org.coproduced.commissioning.involvement.written;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.cycle.CycleCancellation;
import org.coproduced.commissioning.experts.Expert;
import org.coproduced.commissioning.experts.ExpertErasure;
import org.coproduced.commissioning.feedback.FeedbackRepository;
import org.coproduced.commissioning.feedback.FeedbackStatus;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.involvement.aftercare.SessionGate;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationStatus;
import org.coproduced.commissioning.involvement.recompense.RecompenseLedger;
import org.coproduced.commissioning.involvement.recompense.RecompensedWork;
import org.coproduced.commissioning.notification.MailTest;
import org.coproduced.commissioning.notification.Mailbox;
import org.coproduced.commissioning.notification.TestMailServer;
import org.coproduced.commissioning.support.CycleDriver;
import org.coproduced.commissioning.support.PoolFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.coproduced.commissioning.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Thoughts sent instead of coming, end to end through the real models, the outbox and the mail
 * server: someone who says no is offered to write (by the email link or in Tasklist) or to tell
 * a coordinator; what arrives before the gate's session notes are finished is a contribution that
 * carries the gate on its own, is answered and reaches its writer as feedback, which the cycle
 * waits for; what arrives after is kindly refused. Bad input changes nothing.
 */
@MailTest
class WrittenContributionTest {

  static final String WORDS = "The night shelter door should open earlier in winter (written test)";

  @RegisterExtension static GreenMailExtension mail = TestMailServer.extension();

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired InvitationRepository invitations;
  @Autowired CycleCancellation cancellation;
  @Autowired FeedbackRepository feedback;
  @Autowired RecompenseLedger ledger;
  @Autowired ExpertErasure erasure;

  SessionGate gate;
  PoolFixtures fixtures;

  @BeforeEach
  void setUp() {
    gate = new SessionGate(context);
    fixtures = new PoolFixtures(context);
  }

  // ---- by the email link, through the whole promise ----

  @Test
  void aNoByTheEmailLinkIsOfferedWritingAndThoseWordsAloneCarryTheGateThroughToFeedback() throws Exception {
    Expert writer = fixtures.expert("payment", "homelessness");
    CycleDriver driver = gate.driver();
    String bk = driver.startCycle("Written only cycle").getBusinessKey();
    driver.agreePlan(bk);
    driver.describeRequest(bk, CycleDriver.nextSessionDate(), 1);
    driver.acceptRequest(bk);
    long requestId = gate.requestId(bk);
    jdbc.sql("DELETE FROM cc_invitation WHERE request_id = ?").param(requestId).update();
    invitations.insert(requestId, writer.id(), InvitationStatus.PROPOSED, false, null);
    driver.confirmExperts(bk);
    gate.deliveries().sendAll();

    String invitation = "/app/invitations/" + only(writer, "/app/invitations/").token("/app/invitations/");
    assertThat(page(post(invitation).param("answer", "decline"), 200)).contains("You said no",
        "send us your thoughts");
    declineEveryoneElse(bk);
    gate.deliveries().sendAll();

    Mailbox.Mail offer = only(writer, "/app/send-your-thoughts/");
    assertThat(offer.subject()).isEqualTo("Would you like to send us your thoughts instead?");
    assertThat(offer.text()).contains("Written only cycle", "You do not have to", "a recording");
    String link = "/app/send-your-thoughts/" + offer.token("/app/send-your-thoughts/");
    assertThat(page(get(link), 200)).contains("Would you like to send us your thoughts?", "Written only cycle");
    assertThat(page(post(link).param("thoughts", WORDS), 200)).contains("We have your thoughts");
    assertThat(page(post(link).param("thoughts", "Something else entirely, sent twice"), 200))
        .as("sending again changes nothing").contains("we already have this");
    assertThat(written(requestId)).containsExactly("WRITTEN " + WORDS);

    driver.fireTimer(bk, "Event_SessionDue");

    assertThat(driver.tasks(bk, "Activity_RecordContributionUse")).as("the gate passed on the written words alone")
        .hasSize(1);
    assertThat(jdbc.sql("SELECT status FROM cc_written_contribution WHERE request_id = ? AND expert_id <> ?")
        .params(requestId, writer.id()).query(String.class).list()).as("every other offer closed with the notes")
        .isNotEmpty().containsOnly("CLOSED");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(WrittenContributionVariables.PROCESS_ID).variableValueEquals("requestId", requestId)
        .count()).as("no offer of the gate still waits").isZero();
    assertThat(ledger.workEntriesForCycle(Long.parseLong(bk))).filteredOn(e -> e.work() == RecompensedWork.WRITTEN_CONTRIBUTION)
        .singleElement().satisfies(e -> assertThat(e.hours()).isEqualTo(1));

    cancellation.cancel(Long.parseLong(bk), "The service is no longer needed (written test).");
    driver.runJobs(bk);
    driver.answerAll(bk);
    gate.deliveries().sendAll();

    Mailbox.Mail heard = only(writer, "/app/feedback/acknowledge/");
    assertThat(heard.text()).contains(WORDS, "We now open until 10pm.");
    assertThat(feedback.statusOf(Long.parseLong(bk), writer.ref())).isEqualTo(FeedbackStatus.WAITING);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(bk)
        .processDefinitionKey("commissioning-cycle").count()).as("the cycle waits for the writer's feedback").isOne();
    page(post("/app/feedback/acknowledge/" + heard.token("/app/feedback/acknowledge/")), 200);
    driver.deliverAllFeedback(bk);
    driver.runJobs(bk);
    assertThat(feedback.statusOf(Long.parseLong(bk), writer.ref())).isEqualTo(FeedbackStatus.ACKNOWLEDGED);
    driver.runJobs(bk); // closing a stopped cycle is a step of its own
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(bk)
        .processDefinitionKey("commissioning-cycle").count()).as("then the cycle ends").isZero();

    WebSession auditor = new WebSession(port).signIn("cockpit", "auditor");
    String evidence = auditor.get("/app/api/audit/cycles/" + bk).body();
    com.fasterxml.jackson.databind.JsonNode detail = new com.fasterxml.jackson.databind.ObjectMapper().readTree(evidence);
    assertThat(detail.get("gates")).as("the gate passed on a written contribution, and says so")
        .anySatisfy(g -> assertThat(List.of(g.get("passed").asBoolean(), g.get("contributionsAtSession").asInt(),
            g.get("contributionsWritten").asInt(), g.get("contributionsFromPeerResearch").asInt()))
            .containsExactly(true, 0, 1, 0));
    assertThat(detail.get("contributions")).singleElement()
        .satisfies(c -> assertThat(c.get("route").asText()).isEqualTo("written"));
    assertThat(detail.get("cycle").get("contributionsWritten").asInt()).isOne();
    assertThat(auditor.get("/app/api/audit/cycles/" + bk + "/sessions.csv").body())
        .contains("contributions at the session,contributions written or recorded,contributions from peer research")
        .contains(",true,0,1,0");
    assertThat(auditor.get("/app/api/audit/cycles/" + bk + "/contributions.csv").body()).contains(",written,");
    assertThat(evidence).as("counts and routes, never the words").doesNotContain(WORDS);
  }

  // ---- in Tasklist ----

  @Test
  void aNoInTasklistGivesThemATaskToWriteAndBadWordsAreRefusedWithoutChangingAnything() {
    String bk = gate.invited("Tasklist writing cycle", false, "EX-0001");
    long invitationId = gate.invitationId(bk, "EX-0001");
    gate.driver().submit(answerTask(bk, invitationId), Map.of("invitationAnswer", "decline"));

    Task write = gate.task(WrittenContributionVariables.businessKey(invitationId));
    assertThat(write.getName()).isEqualTo("Send your thoughts in writing for EX-0001 (in Tasklist) · Tasklist writing cycle");
    assertThat(write.getAssignee()).isEqualTo("expert1");

    Map<String, String> refusals = Map.of("<script>alert('x')</script> open later", "looks like web page code",
        "x".repeat(4001), "too long: please keep it under 4000 characters", "bell\u0007 ringing here",
        "contains characters that cannot be stored");
    refusals.forEach((bad, why) ->
        assertThatThrownBy(() -> gate.driver().submit(write, Map.of("privateWrittenContribution", bad)))
            .isInstanceOf(FormInputException.class).hasMessageContaining(why));
    assertThat(written(gate.requestId(bk))).isEmpty();
    assertThat(gate.task(WrittenContributionVariables.businessKey(invitationId))).as("the task stays open").isNotNull();

    gate.driver().submit(write, Map.of("privateWrittenContribution", WORDS + " in Tasklist"));

    assertThat(written(gate.requestId(bk))).containsExactly("WRITTEN " + WORDS + " in Tasklist");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .variableName("privateWrittenContribution").count()).as("the words never reach the engine").isZero();
    holdTheSessionWithNobodyThere(bk);
    assertThat(gate.driver().tasks(bk, "Activity_DescribeRequest")).as("the gate did not go back for lack of words")
        .isEmpty();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(bk)
        .processDefinitionKey("involvement-request").finished().count()).isOne();
  }

  // ---- taken down by a coordinator ----

  @Test
  void aNoByPhoneGivesACoordinatorATaskToTakeDownWhatTheyWantToSay() {
    String bk = gate.invited("Phone thoughts cycle", false, "EX-0007");
    long invitationId = gate.invitationId(bk, "EX-0007");
    gate.driver().submit(answerTask(bk, invitationId), Map.of("invitationAnswer", "decline"));

    Task takeDown = gate.task(WrittenContributionVariables.businessKey(invitationId));
    assertThat(takeDown.getName()).isEqualTo("Take down what EX-0007 (by phone) wants to say · Phone thoughts cycle");
    assertThat(engine.getTaskService().getIdentityLinksForTask(takeDown.getId()))
        .anyMatch(l -> "coordinators".equals(l.getGroupId()));
    assertThatThrownBy(() -> gate.driver().submit(takeDown, Map.of("privateWrittenContribution", WORDS)))
        .hasMessageContaining("How did they tell you");
    assertThat(written(gate.requestId(bk))).isEmpty();

    gate.driver().submit(takeDown, Map.of("privateWrittenContribution", WORDS + " by recording",
        "receivedHow", "recording"));

    assertThat(written(gate.requestId(bk))).containsExactly("WRITTEN " + WORDS + " by recording");
    assertThat(jdbc.sql("SELECT status || ' ' || received_how FROM cc_written_contribution WHERE invitation_id = ?")
        .param(invitationId).query(String.class).single()).isEqualTo("SENT recording");
  }

  @Test
  void anEmptyFormMeansNoThankYouWhichIsFine() {
    String bk = gate.invited("No thank you cycle", false, "EX-0007");
    long invitationId = gate.invitationId(bk, "EX-0007");
    gate.driver().submit(answerTask(bk, invitationId), Map.of("invitationAnswer", "decline"));

    gate.driver().submit(gate.task(WrittenContributionVariables.businessKey(invitationId)), Map.of());

    assertThat(written(gate.requestId(bk))).isEmpty();
    assertThat(jdbc.sql("SELECT status FROM cc_written_contribution WHERE invitation_id = ?").param(invitationId)
        .query(String.class).single()).isEqualTo("NOT_WANTED");
  }

  @Test
  void stoppingTheGateClosesTheOffersStillOpen() {
    String bk = gate.invited("Stopped gate cycle", false, "EX-0007");
    long invitationId = gate.invitationId(bk, "EX-0007");
    gate.driver().submit(answerTask(bk, invitationId), Map.of("invitationAnswer", "decline"));
    assertThat(gate.task(WrittenContributionVariables.businessKey(invitationId))).isNotNull();

    engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(bk)
        .processDefinitionKey("involvement-request").list()
        .forEach(pi -> engine.getRuntimeService().deleteProcessInstance(pi.getId(), "The cycle was stopped."));

    assertThat(gate.task(WrittenContributionVariables.businessKey(invitationId))).as("the coordinator's task goes")
        .isNull();
    assertThat(jdbc.sql("SELECT status FROM cc_written_contribution WHERE invitation_id = ?").param(invitationId)
        .query(String.class).single()).isEqualTo("CLOSED");
  }

  // ---- the link: bad input, asking to talk, and after the notes ----

  @Test
  void theLinkRefusesEmptyOrMarkedUpWordsWithAClearMessageAndKeepsNothing() throws Exception {
    Expert writer = fixtures.expert("voucher", "homelessness");
    String bk = gate.invited("Bad words cycle", false, writer.ref());
    String link = declineByLink(bk, writer);

    assertThat(page(post(link).param("thoughts", "   "), 200)).contains("You have not written anything yet");
    assertThat(page(post(link).param("thoughts", "<b>Open</b> later please"), 200))
        .contains("looks like web page code").contains("&lt;b&gt;Open&lt;/b&gt; later please")
        .doesNotContain("<b>Open</b>");
    assertThat(page(post(link).param("thoughts", "y".repeat(4001)), 200)).contains("too long");
    assertThat(written(gate.requestId(bk))).isEmpty();
    assertThat(page(get("/app/send-your-thoughts/" + "Q".repeat(43)), 404)).contains("link");
  }

  @Test
  void someoneWhoWouldRatherTalkGetsACoordinatorWhoTakesItDown() throws Exception {
    Expert writer = fixtures.expert("payment", "homelessness");
    String bk = gate.invited("Rather talk cycle", false, writer.ref());
    String link = declineByLink(bk, writer);
    long invitationId = gate.invitationId(bk, writer.ref());

    assertThat(page(post(link).param("talk", "yes"), 200)).contains("A coordinator will contact you soon");

    Task takeDown = gate.task(WrittenContributionVariables.businessKey(invitationId));
    assertThat(takeDown.getName()).startsWith("Take down what " + writer.ref() + " (by email) wants to say");
    gate.driver().submit(takeDown, Map.of("privateWrittenContribution", WORDS + " said on the phone",
        "receivedHow", "phone"));
    assertThat(written(gate.requestId(bk))).containsExactly("WRITTEN " + WORDS + " said on the phone");
  }

  @Test
  void afterTheSessionNotesAreFinishedTheLinkSaysSoKindlyAndKeepsNothing() throws Exception {
    Expert writer = fixtures.expert("payment", "homelessness");
    String bk = gate.invited("Too late cycle", false, writer.ref());
    String link = declineByLink(bk, writer);

    holdTheSessionWithNobodyThere(bk);

    assertThat(page(get(link), 200)).contains("The notes from this session are now finished", "contact");
    assertThat(page(post(link).param("thoughts", WORDS + " too late"), 200))
        .contains("The notes from this session are now finished");
    assertThat(written(gate.requestId(bk))).isEmpty();
    assertThat(gate.driver().tasks(bk, "Activity_DescribeRequest")).as("with no words the gate asks again").hasSize(1);
  }

  // ---- erasure ----

  @Test
  void erasingTheWriterRemovesTheirWordsAndKeepsTheContribution() throws Exception {
    Expert writer = fixtures.expert("payment", "homelessness");
    String bk = gate.invited("Erased writer cycle", false, writer.ref());
    String link = declineByLink(bk, writer);
    page(post(link).param("thoughts", WORDS + " then erased"), 200);

    erasure.erase(writer.id(), "coordinator");

    assertThat(written(gate.requestId(bk))).containsExactly("WRITTEN " + WrittenContributionErasure.ERASED);
  }

  // ---- helpers ----

  /** The person says no through their invitation's link; returns the link of the offer that follows. */
  private String declineByLink(String bk, Expert writer) throws Exception {
    String invitation = "/app/invitations/" + only(writer, "/app/invitations/").token("/app/invitations/");
    page(post(invitation).param("answer", "decline"), 200);
    gate.deliveries().sendAll();
    return "/app/send-your-thoughts/" + only(writer, "/app/send-your-thoughts/").token("/app/send-your-thoughts/");
  }

  /** Everyone else asked (replacements included) says no, so the session has nobody at it. */
  private void declineEveryoneElse(String bk) {
    for (int round = 0; round < 30; round++) {
      List<Task> open = gate.driver().tasks(bk, "Activity_AnswerInvitation");
      if (open.isEmpty()) {
        return;
      }
      open.forEach(t -> gate.driver().submit(t, Map.of("invitationAnswer", "decline")));
    }
  }

  private void holdTheSessionWithNobodyThere(String bk) {
    declineEveryoneElse(bk);
    gate.driver().fireTimer(bk, "Event_SessionDue");
    for (Task record : gate.driver().tasks(bk, "Activity_RecordContribution")) {
      gate.driver().submit(record, new HashMap<>(Map.of("attended", "no", "hoursGiven", 0)));
    }
  }

  private Task answerTask(String bk, long invitationId) {
    return gate.driver().tasks(bk, "Activity_AnswerInvitation").stream()
        .filter(t -> ((Number) engine.getTaskService().getVariable(t.getId(), "invitationId")).longValue() == invitationId)
        .findFirst().orElseThrow();
  }

  private List<String> written(long requestId) {
    return jdbc.sql("SELECT route || ' ' || said FROM cc_contribution WHERE request_id = ? AND route = 'WRITTEN'")
        .param(requestId).query(String.class).list();
  }

  private Mailbox.Mail only(Expert expert, String path) {
    List<Mailbox.Mail> found = Mailbox.to(mail, expert.ref().toLowerCase() + "@example.org").stream().filter(m -> m.text().contains(path)).toList();
    assertThat(found).as("messages to %s with a link to %s", expert.ref(), path).hasSize(1);
    return found.get(0);
  }

  private String page(RequestBuilder request, int status) throws Exception {
    MvcResult result = mvc.perform(request).andReturn();
    assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
    return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }
}
