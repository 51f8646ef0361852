package org.coproduced.commissioning.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.notification.Deliveries;
import org.coproduced.commissioning.notification.MailTest;
import org.coproduced.commissioning.notification.Mailbox;
import org.coproduced.commissioning.notification.Mailbox.Mail;
import org.coproduced.commissioning.notification.TestMailServer;
import org.coproduced.commissioning.support.CycleDriver;
import org.coproduced.commissioning.support.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Explain your decision to the experts" reaches every expert on the evaluation panel, by their
 * channel, before the contract is awarded: by email with the decision and whether the panel
 * agreed, or through a coordinator's task that the contract waits for.
 */
@MailTest
class AwardExplanationTest {

  static final String REASON = "Streetlight puts peer workers on every night shift, which the panel wanted.";

  @RegisterExtension static GreenMailExtension mail = TestMailServer.extension();

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired ContributionRepository contributions;
  @Autowired AwardExplanations explanations;
  @LocalServerPort int port;

  @Test
  void everyExpertOnThePanelHearsTheDecisionByTheirChannelBeforeTheContract() {
    CycleDriver driver = new CycleDriver(engine);
    ProcessInstance cycle = driver.startCycle("Award explained");
    String bk = cycle.getBusinessKey();
    long cycleId = Long.parseLong(bk);
    driver.agreePlan(bk);
    driver.analyse(bk);
    driver.plan(bk);
    driver.evaluate(bk);
    driver.tasks(bk, "Activity_ModerateScores").forEach(t -> {
      Map<String, Object> f = CycleDriver.scores(4);
      f.put("moderationNotes", "The panel agreed after discussion.");
      driver.submit(t, f);
    });
    List<String> panel = contributions.contributorRefs(cycleId, "EVALUATION");
    assertThat(panel).hasSizeGreaterThan(1);
    // Whoever the fair share chose, for this test the first on the panel prefers post and the others email.
    String byPost = panel.get(0);
    Map<String, String> channelsBefore = new HashMap<>();
    panel.forEach(ref -> channelsBefore.put(ref, channelOf(ref)));
    panel.forEach(ref -> jdbc.sql("UPDATE cc_expert SET contact_channel = ? WHERE ref = ?")
        .params(ref.equals(byPost) ? "POST" : "EMAIL", ref).update());
    try {
      Deliveries deliveries = new Deliveries(engine, jdbc);
      Task decide = driver.task(bk, "Activity_DecideAward");
      String streetlight = engine.getTaskService().getVariable(decide.getId(), "bidOptions").toString()
          .replaceAll(".*\"value\":\"(\\d+)\".*", "$1");
      driver.submit(decide, Map.of("winningBid", streetlight, "panelAgrees", "no", "reasonForExperts", REASON));

      deliveries.sendAll();
      assertThat(deliveries.outbox()).filteredOn(row -> row.contains("AWARD_EXPLANATION"))
          .hasSize(panel.size() - 1).allMatch(row -> row.startsWith("SENT"));
      for (String ref : panel) {
        List<Mail> heard = Mailbox.to(mail, emailOf(ref)).stream()
            .filter(m -> m.subject().startsWith("We have decided who will run the service")).toList();
        if (ref.equals(byPost)) {
          assertThat(heard).as("%s hears through a coordinator", ref).isEmpty();
        } else {
          assertThat(heard).as("%s reads email", ref).singleElement().satisfies(m -> assertThat(m.text())
              .contains("Streetlight Housing has been chosen", "did not agree", REASON));
        }
      }
      List<Task> toTell = driver.tasks(bk, "Activity_TellPanelOfAward");
      assertThat(toTell).extracting(t -> engine.getTaskService().getVariable(t.getId(), "panelExpertRef"))
          .containsExactly(byPost);
      assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().variableName("reasonForExperts")
          .count()).as("the explanation stays out of the engine").isZero();
      String page = new WebSession(port).signIn("tasklist", "coordinator").get("/app/cycles/" + cycleId + "/award")
          .body();
      assertThat(page).contains("Streetlight Housing", "did not agree", REASON, byPost, "waiting for a coordinator");

      driver.sendSummariesAndPublishAwardNotice(bk);
      driver.fireTimer(bk, "Event_StandstillElapsed");
      assertThat(cycle).as("the standstill is over, but not everyone has been told")
          .isNotWaitingAt("Activity_AwardContract");
      Map<String, Object> tomorrow = new HashMap<>(Map.of("awardToldBy", "post",
          "awardToldOn", LocalDate.now().plusDays(1).toString(), "awardToldConfirmed", true));
      assertThatThrownBy(() -> toTell.forEach(t -> driver.submit(t, tomorrow)))
          .hasMessageContaining("cannot be in the future");
      assertThat(explanations.offlinePanelRefs(cycleId)).contains(byPost);

      driver.tellPanelOfAward(bk);

      assertThat(cycle).isWaitingAt("Activity_AwardContract");
      assertThat(explanations.forCycle(cycleId)).hasSize(panel.size()).noneMatch(AwardExplanations.Told::waiting);
    } finally {
      channelsBefore.forEach((ref, channel) -> jdbc.sql("UPDATE cc_expert SET contact_channel = ? WHERE ref = ?")
          .params(channel, ref).update());
    }
  }

  private String emailOf(String ref) {
    return jdbc.sql("SELECT email FROM cc_expert WHERE ref = ?").param(ref).query(String.class).optional().orElse("");
  }

  private String channelOf(String ref) {
    return jdbc.sql("SELECT contact_channel FROM cc_expert WHERE ref = ?").param(ref).query(String.class).single();
  }
}
