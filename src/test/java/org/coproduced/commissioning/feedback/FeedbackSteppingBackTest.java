package org.coproduced.commissioning.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.RequestDetails;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.notification.Deliveries;
import org.coproduced.commissioning.notification.MailTest;
import org.coproduced.commissioning.notification.Mailbox;
import org.coproduced.commissioning.notification.TestMailServer;
import org.coproduced.commissioning.support.CycleDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Stepping back from reading feedback, in Tasklist or on the email link's page: the person is
 * thanked (once, counted at the mail server) and a coordinator gets in touch; the feedback promise
 * still holds, so someone who stepped back in Tasklist goes to "Make sure this person has their feedback".
 */
@MailTest
class FeedbackSteppingBackTest {

  static final String HARRY = "harry.walsh@example.org"; // EX-0008, email
  static final String THANKS = "Thank you for letting us know";

  @RegisterExtension static GreenMailExtension mail = TestMailServer.extension();

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired CycleRepository cycles;
  @Autowired InvolvementRequestRepository requests;
  @Autowired ContributionRepository contributions;
  @Autowired ExpertRepository experts;
  @Autowired FeedbackRepository feedback;

  CycleDriver driver;
  Deliveries deliveries;
  long cycleId;

  @BeforeEach
  void setUp() {
    driver = new CycleDriver(engine);
    deliveries = new Deliveries(engine, jdbc);
  }

  @Test
  void steppingBackInTasklistGivesTheCoordinatorsTheFeedbackToDeliver() {
    feedbackSentTo("EX-0001");
    String bk = String.valueOf(cycleId);
    driver.submit(driver.task(bk, "Activity_AcknowledgeFeedback"), Map.of("stepBack", "cant-now"));

    Task deliver = driver.task(bk, "Activity_FollowUpFeedback");
    assertThat(engine.getTaskService().getVariable(deliver.getId(), "contributorRef")).isEqualTo("EX-0001");
    assertThat(followUps("EX-0001", "CANT_NOW")).hasSize(1);
    assertThat(feedback.waitingRefs(cycleId)).contains("EX-0001");
  }

  @Test
  void steppingBackByTheLinkThanksThemOnceAndAsksACoordinatorOnce() throws Exception {
    feedbackSentTo("EX-0008");
    String link = "/app/feedback/acknowledge/" + token() + "/step-back";

    MvcResult refused = mvc.perform(MockMvcRequestBuilders.post(link).param("stepBack", "vanish")).andReturn();
    assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Please choose");
    assertThat(followUps("EX-0008", "TALK")).isEmpty();

    for (int attempt = 0; attempt < 2; attempt++) {
      MvcResult result = mvc.perform(MockMvcRequestBuilders.post(link).param("stepBack", "talk")
          .param("note", "Evenings are best for me.")).andReturn();
      assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(THANKS);
    }
    deliveries.sendAll();

    assertThat(Mailbox.to(mail, HARRY)).filteredOn(m -> m.subject().contains(THANKS)).hasSize(1);
    assertThat(followUps("EX-0008", "TALK")).hasSize(1);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().list())
        .noneMatch(v -> String.valueOf(v.getValue()).contains("Evenings are best"));
  }

  private List<Task> followUps(String ref, String reason) {
    return engine.getTaskService().createTaskQuery().processDefinitionKey("expert-task-follow-up")
        .processVariableValueEquals("cycleId", cycleId).processVariableValueEquals("expertRef", ref)
        .processVariableValueEquals("followUpReason", reason).list();
  }

  /** Feedback due to these contributors, answered, checked, and its messages delivered. */
  private void feedbackSentTo(String... refs) {
    cycleId = cycles.insert("Stepping back from feedback", "mental-health", "under-100k",
        "Experts will shape the service.", "Better outcomes", "Spring", "commissioner", null);
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

  private String token() {
    String path = "/app/feedback/acknowledge/";
    List<Mailbox.Mail> found = Mailbox.to(mail, HARRY).stream().filter(m -> m.text().contains(path)).toList();
    assertThat(found).isNotEmpty();
    return found.get(found.size() - 1).token(path);
  }
}
