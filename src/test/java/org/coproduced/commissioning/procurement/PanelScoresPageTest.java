package org.coproduced.commissioning.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.support.ApplicationTest;
import org.coproduced.commissioning.support.CycleDriver;
import org.coproduced.commissioning.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The moderation task shows each panel member's notes beside their scores, by reference, so the
 * panel agrees scores on reasons; the notes reach the page, never the task's variables.
 */
@ApplicationTest
class PanelScoresPageTest {

  @Autowired ProcessEngine engine;
  @LocalServerPort int port;

  @Test
  void theModerationTaskLinksToEachMembersNotesBesideTheirScores() throws Exception {
    CycleDriver driver = new CycleDriver(engine);
    String bk = driver.startCycle("Scoring notes").getBusinessKey();
    driver.agreePlan(bk);
    driver.analyse(bk);
    driver.plan(bk);
    driver.tenderToScoring(bk);
    for (Task score : driver.tasks(bk, "Activity_ScoreBid")) {
      Map<String, Object> fields = CycleDriver.scores(3);
      String evaluator = (String) engine.getTaskService().getVariable(score.getId(), "evaluatorRef");
      fields.put("privateScoreNotes", "Notes of " + evaluator + ": no peer workers at night.");
      driver.submit(score, fields);
    }
    Task moderation = driver.tasks(bk, "Activity_ModerateScores").get(0);
    Object bidId = engine.getTaskService().getVariable(moderation.getId(), "bidId");

    String page = new WebSession(port).signIn("tasklist", "commissioner").get("/app/bids/" + bidId + "/scores").body();

    List<String> panel = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceIdIn(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(bk)
            .processDefinitionKey("commissioning-cycle").singleResult().getId())
        .variableName("evaluatorRef").list().stream().map(v -> (String) v.getValue()).distinct().toList();
    assertThat(panel).contains("officer:commissioner").hasSizeGreaterThan(1);
    for (String member : panel) {
      assertThat(page).contains(">" + member + "</td>", "Notes of " + member + ": no peer workers at night.");
    }
    assertThat(engine.getTaskService().getVariables(moderation.getId()).values().toString())
        .doesNotContain("no peer workers at night");
    try (InputStream form = getClass().getClassLoader().getResourceAsStream("forms/moderate-scores.form")) {
      assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("(/app/bids/{{bidId}}/scores)");
    }
  }

  @Test
  void anExpertCannotReadThePanelsNotesAndAnUnknownBidIsNotFound() {
    assertThat(new WebSession(port).signIn("tasklist", "expert1").get("/app/bids/1/scores").statusCode())
        .isEqualTo(403);
    assertThat(new WebSession(port).signIn("tasklist", "coordinator").get("/app/bids/987654/scores").statusCode())
        .isEqualTo(404);
  }
}
