package org.coproduced.commissioning.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.audit.AuditReports;
import org.coproduced.commissioning.audit.AuditReports.CycleFigures;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.RequestDetails;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.notification.Deliveries;
import org.coproduced.commissioning.notification.Mailbox;
import org.coproduced.commissioning.notification.TestMailServer;
import org.coproduced.commissioning.support.ApplicationTest;
import org.coproduced.commissioning.support.CycleDriver;
import org.coproduced.commissioning.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * What an expert writes back when they acknowledge their feedback reaches a coordinator, who
 * answers by the expert's channel: a reply by link or in Tasklist starts one task, no reply none;
 * the answer is emailed once, or the coordinator says how they told someone by post or phone.
 * Auditors count replies answered and waiting. The words stay out of the engine.
 */
@ApplicationTest
class FeedbackReplyTest {

  static final String HARRY = "harry.walsh@example.org"; // EX-0008, email
  static final String IMANI = "imani.brooks@example.org"; // EX-0009, email
  static final String SUBJECT = "Our answer to what you wrote back";

  @RegisterExtension static GreenMailExtension mail = TestMailServer.extension();

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired CycleRepository cycles;
  @Autowired InvolvementRequestRepository requests;
  @Autowired ContributionRepository contributions;
  @Autowired ExpertRepository experts;
  @Autowired FeedbackReplyRepository replies;
  @Autowired AuditReports audit;
  @LocalServerPort int port;

  CycleDriver driver;
  Deliveries deliveries;
  long cycleId;
  String imaniChannel;

  @BeforeEach
  void setUp() {
    driver = new CycleDriver(engine);
    deliveries = new Deliveries(engine, jdbc);
    imaniChannel = jdbc.sql("SELECT contact_channel FROM cc_expert WHERE ref = 'EX-0009'").query(String.class).single();
  }

  @AfterEach
  void restoreChannel() {
    jdbc.sql("UPDATE cc_expert SET contact_channel = ? WHERE ref = 'EX-0009'").param(imaniChannel).update();
  }

  @Test
  void aReplyByLinkStartsOneTaskAndTheAnswerReachesTheExpertByEmailOnce() throws Exception {
    feedbackSentTo("EX-0008");
    String link = "/app/feedback/acknowledge/" + token(HARRY);
    post(link, "Will the evening opening last past the summer?");
    post(link, "Will the evening opening last past the summer?");

    Task answer = driver.engine().getTaskService().createTaskQuery().processDefinitionKey("feedback-reply")
        .processInstanceBusinessKey("feedback-reply/" + cycleId + "/EX-0008").singleResult();
    assertThat(replyTasks()).containsExactly(answer.getId());
    assertThat(answer.getName()).isEqualTo("Answer the reply from EX-0008 (by email) · Reply test");
    assertThat(figures().repliesWaiting()).isEqualTo(1);

    driver.submit(answer, Map.of("privateReplyAnswer", "Yes: it is funded until next March."));
    deliveries.sendAll();
    deliveries.sendAll();

    List<Mailbox.Mail> answers = Mailbox.to(mail, HARRY).stream().filter(m -> m.subject().equals(SUBJECT)).toList();
    assertThat(answers).singleElement().satisfies(m -> assertThat(m.text())
        .contains("Will the evening opening last past the summer?", "Yes: it is funded until next March."));
    assertThat(replies.find(cycleId, "EX-0008").orElseThrow())
        .extracting(FeedbackReplyRepository.Reply::answeredHow, FeedbackReplyRepository.Reply::answeredBy)
        .containsExactly("email", "coordinator");
    assertThat(figures().repliesAnswered()).isEqualTo(1);
    assertThat(figures().repliesWaiting()).isZero();
    assertThat(historicTexts()).noneMatch(v -> String.valueOf(v).contains("last past the summer")
        || String.valueOf(v).contains("funded until next March"));
  }

  @Test
  void aReplyInTasklistStartsOneTask() {
    feedbackSentTo("EX-0001");
    driver.submit(driver.task(String.valueOf(cycleId), "Activity_AcknowledgeFeedback"),
        Map.of("feedbackRead", true, "privateReply", "Can I bring a friend next time?"));

    assertThat(replyTasks()).hasSize(1);
    assertThat(figures().repliesWaiting()).isEqualTo(1);
    assertThat(historicTexts()).noneMatch(v -> String.valueOf(v).contains("Can I bring a friend next time"));
  }

  @Test
  void noReplyStartsNoTask() throws Exception {
    feedbackSentTo("EX-0008");
    post("/app/feedback/acknowledge/" + token(HARRY), "   ");

    assertThat(replyTasks()).isEmpty();
    assertThat(figures().repliesAnswered()).isZero();
    assertThat(figures().repliesWaiting()).isZero();
  }

  @Test
  void someoneWhoNowPrefersThePhoneIsToldByACoordinatorWhoSaysHow() throws Exception {
    feedbackSentTo("EX-0009");
    jdbc.sql("UPDATE cc_expert SET contact_channel = 'PHONE' WHERE ref = 'EX-0009'").update();
    post("/app/feedback/acknowledge/" + token(IMANI), "Please ring me about the next session.");
    Task answer = engine.getTaskService().createTaskQuery().processDefinitionKey("feedback-reply")
        .processInstanceBusinessKey("feedback-reply/" + cycleId + "/EX-0009").singleResult();
    assertThat(engine.getTaskService().getVariable(answer.getId(), "answerBy")).isEqualTo("by phone");

    assertThatThrownBy(() -> driver.submit(answer, Map.of("privateReplyAnswer", "I rang you on Monday.")))
        .hasMessageContaining("How did you tell them?");
    assertThat(replies.find(cycleId, "EX-0009").orElseThrow().answered()).isFalse();

    driver.submit(answer, Map.of("privateReplyAnswer", "I rang you on Monday.", "toldHow", "phone"));
    deliveries.sendAll();

    assertThat(replies.find(cycleId, "EX-0009").orElseThrow().answeredHowInWords()).isEqualTo("told by phone");
    assertThat(Mailbox.to(mail, IMANI)).noneMatch(m -> m.subject().equals(SUBJECT));
    assertThat(figures().repliesAnswered()).isEqualTo(1);
  }

  @Test
  void onlyCoordinatorsReadTheReplyOnItsPage() throws Exception {
    feedbackSentTo("EX-0008");
    post("/app/feedback/acknowledge/" + token(HARRY), "The letters were hard to read.");
    String page = "/app/cycles/" + cycleId + "/replies/EX-0008";

    var coordinator = new WebSession(port).signIn("tasklist", "coordinator").get(page);
    assertThat(coordinator.statusCode()).isEqualTo(200);
    assertThat(coordinator.body()).contains("The letters were hard to read.", "Not answered yet");
    var expert = new WebSession(port).signIn("tasklist", "expert1").get(page);
    assertThat(expert.statusCode()).isEqualTo(403);
    assertThat(expert.body()).doesNotContain("The letters were hard to read.");
  }

  // ---- helpers ----

  /** Feedback due to these contributors, answered, checked, and its messages delivered. */
  private void feedbackSentTo(String... refs) {
    cycleId = cycles.insert("Reply test", "mental-health", "under-100k", "Experts will shape the service.",
        "Better outcomes", "Spring", "commissioner", null);
    long requestId = requests.save(null, cycleId, "ANALYSE", new RequestDetails("Share views", "To design it",
        "coproduction", CycleDriver.nextSessionDate(), "10:00", 2, "in-person", "Hall", 2, List.of("mental-health"),
        "Commissioner"), 20, null);
    for (String ref : refs) {
      contributions.insert(requestId, cycleId, experts.findByRef(ref).orElseThrow().id(), "ANALYSE",
          "Open later. Said by " + ref);
    }
    String bk = String.valueOf(cycleId);
    engine.getRuntimeService().startProcessInstanceByKey("feedback-delivery", bk,
        Map.of("cycleId", cycleId, "commissioner", "commissioner"));
    driver.answerAll(bk);
    deliveries.sendAll();
  }

  private List<String> replyTasks() {
    return engine.getTaskService().createTaskQuery().processDefinitionKey("feedback-reply")
        .processInstanceBusinessKeyLike("feedback-reply/" + cycleId + "/%").list().stream().map(Task::getId).toList();
  }

  private CycleFigures figures() {
    return audit.cycle(cycleId).orElseThrow().cycle();
  }

  private List<Object> historicTexts() {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().list().stream()
        .map(HistoricVariableInstance::getValue).toList();
  }

  private String token(String address) {
    String path = "/app/feedback/acknowledge/";
    List<Mailbox.Mail> found = Mailbox.to(mail, address).stream().filter(m -> m.text().contains(path)).toList();
    assertThat(found).as("messages to %s with a link to %s", address, path).isNotEmpty();
    return found.get(found.size() - 1).token(path);
  }

  private void post(String link, String reply) throws Exception {
    MvcResult result = mvc.perform(MockMvcRequestBuilders.post(link).param("reply", reply)).andReturn();
    assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .isEqualTo(200);
  }
}
