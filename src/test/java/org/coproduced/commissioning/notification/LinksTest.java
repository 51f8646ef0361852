package org.coproduced.commissioning.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.coproduced.commissioning.involvement.invitation.InvitationStatus;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.feedback.FeedbackCompletionGuard;
import org.coproduced.commissioning.feedback.FeedbackRepository;
import org.coproduced.commissioning.feedback.FeedbackStatus;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.RequestDetails;
import org.coproduced.commissioning.support.CycleDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The links in messages: acknowledging feedback and answering an invitation without signing in,
 * safely. Each link is opened through the web pages, as a person's browser would.
 */
@MailTest
class LinksTest {

  static final String HARRY = MessagesTest.HARRY; // EX-0008, email
  static final String ASHA = MessagesTest.ASHA; // EX-0001, Tasklist
  static final String IMANI = "imani.brooks@example.org"; // EX-0009, email

  @RegisterExtension static GreenMailExtension mail = TestMailServer.extension();

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired CycleRepository cycles;
  @Autowired InvolvementRequestRepository requests;
  @Autowired InvitationRepository invitations;
  @Autowired ContributionRepository contributions;
  @Autowired ExpertRepository experts;
  @Autowired FeedbackRepository feedback;
  @Autowired FeedbackCompletionGuard guard;

  CycleDriver driver;
  Deliveries deliveries;
  long cycleId;

  @BeforeEach
  void setUp() {
    driver = new CycleDriver(engine);
    deliveries = new Deliveries(engine, jdbc);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  // ---- feedback ----

  @Test
  void openingTheLinkShowsTheFeedbackAndOnlyTheButtonRecordsIt() throws Exception {
    ProcessInstance delivery = feedbackSentTo("EX-0008", "EX-0005");
    String link = "/app/feedback/acknowledge/" + tokenIn(HARRY, "/app/feedback/acknowledge/");

    String page = page(get(link), 200);
    assertThat(page).contains("What we did with what you said", "Said by EX-0008", "We did this.", "We now open until 10pm.",
        "I have read what happened to what I said");
    assertThat(feedback.statusOf(cycleId, "EX-0008")).isEqualTo(FeedbackStatus.WAITING);

    assertThat(page(post(link).param("reply", "Thank you for listening."), 200)).contains("Thank you",
        "We have recorded that you have read");

    assertThat(feedback.statusOf(cycleId, "EX-0008")).isEqualTo(FeedbackStatus.ACKNOWLEDGED);
    assertThat(jdbc.sql("SELECT reply FROM cc_feedback WHERE cycle_id = ? AND status = 'ACKNOWLEDGED'").param(cycleId)
        .query(String.class).single()).isEqualTo("Thank you for listening.");
    assertThat(delivery).isWaitingAt("Activity_DeliverFeedbackOffline").isNotWaitingAt("Activity_AwaitAcknowledgement");
    driver.submit(driver.task(String.valueOf(cycleId), "Activity_DeliverFeedbackOffline"), CycleDriver.attestation());
    driver.runJobs(String.valueOf(cycleId));
    assertThat(delivery).isEnded();
  }

  @Test
  void usingTheLinkTwiceIsHarmless() throws Exception {
    feedbackSentTo("EX-0008");
    String link = "/app/feedback/acknowledge/" + tokenIn(HARRY, "/app/feedback/acknowledge/");
    page(post(link).param("reply", "First words."), 200);

    String again = page(post(link).param("reply", "Second words."), 200);

    assertThat(again).contains("Thank you, we already have this");
    assertThat(jdbc.sql("SELECT reply FROM cc_feedback WHERE cycle_id = ?").param(cycleId).query(String.class).single())
        .isEqualTo("First words.");
    assertThat(page(get(link), 200)).contains("Thank you, we already have this").doesNotContain("<form");
  }

  @Test
  void forgedOrAlteredLinksAreRefusedAndRevealNothing() throws Exception {
    feedbackSentTo("EX-0008");
    String token = tokenIn(HARRY, "/app/feedback/acknowledge/");
    String altered = token.substring(0, 42) + (token.charAt(42) == 'A' ? 'B' : 'A');
    String forged = "Q".repeat(43);

    String refused = page(get("/app/feedback/acknowledge/" + altered), 404);
    assertThat(refused).contains("Sorry, this link does not work", "Nothing has been recorded")
        .doesNotContain("Open later", "Delivery test", "EX-0008");
    for (String bad : List.of(forged, "abc", token + "x", token.toLowerCase())) {
      assertThat(page(get("/app/feedback/acknowledge/" + bad), 404)).isEqualTo(refused);
      assertThat(page(post("/app/feedback/acknowledge/" + bad), 404)).isEqualTo(refused);
    }
    // A feedback link does not open an invitation.
    assertThat(page(get("/app/invitations/" + token), 404)).isEqualTo(refused);
    assertThat(feedback.statusOf(cycleId, "EX-0008")).isEqualTo(FeedbackStatus.WAITING);
  }

  @Test
  void anExpiredLinkIsRefusedLikeAForgedOne() throws Exception {
    feedbackSentTo("EX-0008");
    String link = "/app/feedback/acknowledge/" + tokenIn(HARRY, "/app/feedback/acknowledge/");
    String forged = page(get("/app/feedback/acknowledge/" + "Q".repeat(43)), 404);

    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 31L * 24 * 3600 * 1000)); // links work 30 days

    assertThat(page(get(link), 404)).isEqualTo(forged);
    assertThat(page(post(link), 404)).isEqualTo(forged);
    assertThat(feedback.statusOf(cycleId, "EX-0008")).isEqualTo(FeedbackStatus.WAITING);
  }

  @Test
  void linksAreUnguessableAndStoredOnlyAsHashes() throws Exception {
    feedbackSentTo("EX-0008");
    String token = tokenIn(HARRY, "/app/feedback/acknowledge/");

    assertThat(token).matches("[A-Za-z0-9_-]{43}"); // 256 random bits
    long messageId = jdbc.sql("SELECT id FROM cc_message WHERE id > ? AND kind = 'FEEDBACK'").param(deliveries.since())
        .query(Long.class).single();
    List<String> stored = jdbc.sql("SELECT token_hash FROM cc_link_token WHERE message_id = ?").param(messageId)
        .query(String.class).list();
    assertThat(stored).containsExactly(HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII))));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM cc_message WHERE params LIKE ? OR subject LIKE ?")
        .params("%" + token + "%", "%" + token + "%").query(Long.class).single()).isZero();
  }

  @Test
  void theLinkPageAsksAboutThePublicPageAndKeepsTheAnswerInTheApplication() throws Exception {
    feedbackSentTo("EX-0008");
    String link = "/app/feedback/acknowledge/" + tokenIn(HARRY, "/app/feedback/acknowledge/");
    assertThat(page(get(link), 200)).contains("May what you said appear on our public page");

    assertThat(page(post(link).param("publicConsent", "perhaps"), 200)).contains("Please choose yes or no");
    assertThat(feedback.statusOf(cycleId, "EX-0008")).as("nothing recorded").isEqualTo(FeedbackStatus.WAITING);

    page(post(link).param("publicConsent", "yes"), 200);
    assertThat(feedback.statusOf(cycleId, "EX-0008")).isEqualTo(FeedbackStatus.ACKNOWLEDGED);
    assertThat(jdbc.sql("SELECT public_consent_by FROM cc_feedback WHERE cycle_id = ? AND public_consent = TRUE")
        .param(cycleId).query(String.class).single()).isEqualTo("contributor");
  }

  @Test
  void someoneInTasklistMayConfirmThereOrByTheirLink() throws Exception {
    ProcessInstance delivery = feedbackSentTo("EX-0001");
    assertThat(delivery).isWaitingAt("Activity_AcknowledgeFeedback");

    page(post("/app/feedback/acknowledge/" + tokenIn(ASHA, "/app/feedback/acknowledge/")), 200);

    assertThat(feedback.statusOf(cycleId, "EX-0001")).isEqualTo(FeedbackStatus.ACKNOWLEDGED);
    assertThat(driver.tasks(String.valueOf(cycleId), "Activity_AcknowledgeFeedback")).isEmpty();
    driver.runJobs(String.valueOf(cycleId));
    assertThat(delivery).isEnded();
  }

  @Test
  void noReplyInTimeGoesToACoordinatorWhoseTaskClosesIfTheLinkIsUsedAfterAll() throws Exception {
    ProcessInstance delivery = feedbackSentTo("EX-0008");

    driver.fireTimer(String.valueOf(cycleId), "Event_NoEmailAcknowledgement");
    assertThat(delivery).isWaitingAt("Activity_FollowUpFeedback");
    page(post("/app/feedback/acknowledge/" + tokenIn(HARRY, "/app/feedback/acknowledge/")), 200);

    assertThat(driver.tasks(String.valueOf(cycleId), "Activity_FollowUpFeedback")).isEmpty();
    assertThat(feedback.statusOf(cycleId, "EX-0008")).isEqualTo(FeedbackStatus.ACKNOWLEDGED);
    driver.runJobs(String.valueOf(cycleId));
    assertThat(delivery).isEnded();
  }

  @Test
  void theEndWaitsUntilEveryoneHasAcknowledgedOrBeenConfirmed() throws Exception {
    ProcessInstance delivery = feedbackSentTo("EX-0008", "EX-0009");
    page(post("/app/feedback/acknowledge/" + tokenIn(HARRY, "/app/feedback/acknowledge/")), 200);
    driver.runJobs(String.valueOf(cycleId));

    assertThat(delivery).isWaitingAt("Activity_AwaitAcknowledgement");
    assertThat(driver.jobs(String.valueOf(cycleId))).isEmpty();
    assertThatThrownBy(() -> guard.requireComplete(cycleId)).hasMessageContaining("cannot end yet")
        .hasMessageContaining("EX-0009").hasMessageNotContaining("EX-0008");

    page(post("/app/feedback/acknowledge/" + tokenIn(IMANI, "/app/feedback/acknowledge/")), 200);
    driver.runJobs(String.valueOf(cycleId));

    assertThat(delivery).isEnded();
  }

  // ---- invitations ----

  @Test
  void anExpertWithoutTasklistAcceptsThroughTheLinkAndTheirNeedsStayOutOfTheEngine() throws Exception {
    String bk = gateWithInvitationTo("EX-0008");
    String token = tokenIn(HARRY, "/app/invitations/");

    assertThat(page(get("/app/invitations/" + token + "?answer=accept"), 200))
        .contains("Would you like to take part?", "Tell us what made services hard to use", "value=\"accept\" checked");
    assertThat(page(post("/app/invitations/" + token).param("answer", "accept")
        .param("accessNeeds", "A seat near the door, please."), 200)).contains("You said yes");

    assertThat(driver.tasks(bk, "Activity_AnswerInvitation")).isEmpty();
    assertThat(jdbc.sql("SELECT i.status || '/' || i.answered_via || '/' || i.access_needs FROM cc_invitation i "
        + "JOIN cc_expert e ON e.id = i.expert_id WHERE e.ref = 'EX-0008' AND i.request_id = ?")
        .param(requestId(bk)).query(String.class).single()).isEqualTo("ACCEPTED/email link/A seat near the door, please.");
    assertThat(engine.getHistoryService().createHistoricDetailQuery().list())
        .noneMatch(detail -> String.valueOf(detail).contains("near the door"));
    assertThat(engine.getRuntimeService().createVariableInstanceQuery().list())
        .noneMatch(variable -> String.valueOf(variable.getValue()).contains("near the door"));
    assertThat(page(post("/app/invitations/" + token).param("answer", "decline"), 200))
        .contains("We already have your answer", "You said yes");
  }

  @Test
  void declaringByTheLinkInvitesSomeoneElse() throws Exception {
    String bk = gateWithInvitationTo("EX-0008");
    String token = tokenIn(HARRY, "/app/invitations/");

    assertThat(page(post("/app/invitations/" + token).param("answer", "decline"), 200)).contains("You said no");

    List<String> statuses = jdbc.sql("SELECT status FROM cc_invitation WHERE request_id = ? ORDER BY id")
        .param(requestId(bk)).query(String.class).list();
    assertThat(statuses).containsExactly("DECLINED", "INVITED");
    assertThat(driver.tasks(bk, "Activity_AnswerInvitation")).hasSize(1);
  }

  @Test
  void anInvitationLinkWithoutAnAnswerAsksAgainAndChangesNothing() throws Exception {
    String bk = gateWithInvitationTo("EX-0008");
    String token = tokenIn(HARRY, "/app/invitations/");

    assertThat(page(post("/app/invitations/" + token).param("answer", "maybe"), 200)).contains("Please choose yes or no");

    assertThat(driver.tasks(bk, "Activity_AnswerInvitation")).hasSize(1);
  }

  // ---- helpers ----

  /** Feedback due to these contributors, answered, checked, and its messages delivered. */
  private ProcessInstance feedbackSentTo(String... refs) {
    cycleId = cycles.insert("Delivery test", "mental-health", "under-100k", "Experts will shape the service.",
        "Better outcomes", "Spring", "commissioner", null);
    long requestId = requests.save(null, cycleId, "ANALYSE", new RequestDetails("Share views", "To design it",
        "coproduction", CycleDriver.nextSessionDate(), "10:00", 2, "in-person", "Hall", 2, List.of("mental-health"),
        "Commissioner"), 20, null);
    for (String ref : refs) {
      contributions.insert(requestId, cycleId, experts.findByRef(ref).orElseThrow().id(), "ANALYSE",
          "Open later. Said by " + ref);
    }
    String bk = String.valueOf(cycleId);
    ProcessInstance delivery = engine.getRuntimeService().startProcessInstanceByKey("feedback-delivery", bk,
        Map.of("cycleId", cycleId, "commissioner", "commissioner"));
    driver.answerAll(bk);
    deliveries.sendAll();
    return delivery;
  }

  private String gateWithInvitationTo(String ref) {
    long cycle = cycles.insert("Invitation test", "housing-homelessness", "under-100k",
        "Experts will shape the service.", "Better outcomes", "Spring", "commissioner", null);
    String bk = String.valueOf(cycle);
    engine.getRuntimeService().startProcessInstanceByKey("involvement-request", bk,
        Map.of("cycleId", cycle, "commissioner", "commissioner", "stage", "ANALYSE"));
    driver.describeRequest(bk, CycleDriver.nextSessionDate(), 1);
    driver.acceptRequest(bk);
    long requestId = requestId(bk);
    jdbc.sql("DELETE FROM cc_invitation WHERE request_id = ?").param(requestId).update();
    invitations.insert(requestId, experts.findByRef(ref).orElseThrow().id(), InvitationStatus.PROPOSED, false, null);
    driver.confirmExperts(bk);
    deliveries.sendAll();
    return bk;
  }

  private long requestId(String bk) {
    String instance = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("involvement-request")
        .processInstanceBusinessKey(bk).singleResult().getId();
    return ((Number) engine.getRuntimeService().getVariable(instance, "requestId")).longValue();
  }

  private String tokenIn(String address, String path) {
    List<Mailbox.Mail> found = Mailbox.to(mail, address).stream().filter(m -> m.text().contains(path)).toList();
    assertThat(found).as("messages to %s with a link to %s", address, path).hasSize(1);
    return found.get(0).token(path);
  }

  private String page(org.springframework.test.web.servlet.RequestBuilder request, int status) throws Exception {
    MvcResult result = mvc.perform(request).andReturn();
    assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
    return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }
}
