package org.coproduced.commissioning.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.procurement.AwardSteps;
import org.coproduced.commissioning.procurement.ProcurementRoute;
import org.coproduced.commissioning.support.ApplicationTest;
import org.coproduced.commissioning.support.CycleDriver;
import org.coproduced.commissioning.support.TestDeployments;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A cycle started on the commissioning-cycle model before the Procurement Act steps (version tag
 * 2: award decision, standstill timer, contract) runs to its end with today's beans, after the
 * current model is deployed on top of it: its award decision still sets the standstill's end, its
 * contract form (without the contract date) is still accepted, and it ends as it began.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreviousCycleVersionTest {

  static final String PREVIOUS = "previous/commissioning-cycle-2/commissioning-cycle.bpmn";
  static final String BEFORE_PANEL_WAITS = "previous/commissioning-cycle-3/commissioning-cycle.bpmn";

  @Autowired ProcessEngine engine;
  @Autowired AwardSteps steps;

  TestDeployments deployments;
  String previousDefinition;
  String beforePanelWaitsDefinition;

  @BeforeAll
  void deployThePreviousVersionThenTheCurrentOne() {
    deployments = new TestDeployments(engine);
    String previous = deployments.deploy("commissioning-cycle version tag 2", PREVIOUS, "forms/*.form");
    previousDefinition = engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(previous)
        .processDefinitionKey("commissioning-cycle").singleResult().getId();
    String beforePanelWaits = deployments.deploy("commissioning-cycle version tag 3", BEFORE_PANEL_WAITS,
        "forms/*.form");
    beforePanelWaitsDefinition = engine.getRepositoryService().createProcessDefinitionQuery()
        .deploymentId(beforePanelWaits).processDefinitionKey("commissioning-cycle").singleResult().getId();
    deployments.deploy("current, on top of version tags 2 and 3", "processes/*.bpmn", "processes/*.dmn",
        "forms/*.form");
  }

  @AfterAll
  void removeThem() {
    deployments.removeAll();
  }

  @Test
  void aCycleStartedBeforeTheProcurementActStepsRunsToItsEnd() {
    assertThat(engine.getRepositoryService().getProcessDefinition(previousDefinition).getVersionTag()).isEqualTo("2");
    CycleDriver driver = new CycleDriver(engine);
    ProcessInstance cycle = driver.startCycle("Started before the Act steps", previousDefinition);
    String bk = cycle.getBusinessKey();
    driver.agreePlan(bk);
    driver.analyse(bk);
    driver.plan(bk);
    driver.procure(bk);
    assertThat(cycle).hasPassed("Event_StandstillElapsed", "Activity_AwardContract")
        .hasNotPassed("Activity_IssueAssessmentSummary", "Activity_PublishContractDetails");
    driver.review(bk, "continue");
    driver.answerAll(bk);
    driver.deliverAllFeedback(bk);
    driver.runJobs(bk);
    driver.runJobs(bk);

    assertThat(cycle).isEnded().hasPassed("Activity_CloseCycle");
    assertThat(steps.route(Long.parseLong(bk))).isEqualTo(ProcurementRoute.ABOVE_THRESHOLD);
    assertThat(steps.steps(Long.parseLong(bk))).extracting(AwardSteps.Step::step).contains("Contract entered into");
  }

  /**
   * Version tag 3, before a short scoring panel waited for a new member: stepping back from one bid
   * ends only that bid, as its form said, and the cycle runs to its end on today's beans.
   */
  @Test
  void aCycleStartedBeforeTheShortPanelWaitRunsToItsEnd() {
    assertThat(engine.getRepositoryService().getProcessDefinition(beforePanelWaitsDefinition).getVersionTag())
        .isEqualTo("3");
    CycleDriver driver = new CycleDriver(engine);
    ProcessInstance cycle = driver.startCycle("Started before the panel waits", beforePanelWaitsDefinition);
    String bk = cycle.getBusinessKey();
    driver.agreePlan(bk);
    driver.analyse(bk);
    driver.plan(bk);
    driver.tenderToScoring(bk);
    Task stepBack = driver.tasks(bk, "Activity_ScoreBid").stream()
        .filter(t -> !evaluator(t).startsWith("officer:")).findFirst().orElseThrow();
    String expert = evaluator(stepBack);
    driver.submit(stepBack, Map.of("stepBack", "cant-now"));
    assertThat(driver.tasks(bk, "Activity_ScoreBid").stream().filter(t -> expert.equals(evaluator(t)))).hasSize(1);
    driver.tasks(bk, "Activity_ScoreBid").forEach(t -> driver.submit(t, CycleDriver.scores(4)));
    driver.tasks(bk, "Activity_ModerateScores").forEach(t -> {
      Map<String, Object> f = new HashMap<>(CycleDriver.scores(4));
      f.put("moderationNotes", "The panel agreed after discussion.");
      driver.submit(t, f);
    });
    String firstBid = engine.getTaskService().getVariable(driver.task(bk, "Activity_DecideAward").getId(),
        "bidOptions").toString().replaceAll(".*?\"value\":\"(\\d+)\".*", "$1");
    driver.submit(driver.task(bk, "Activity_DecideAward"), Map.of("winningBid", firstBid, "panelAgrees", "yes"));
    driver.sendSummariesAndPublishAwardNotice(bk);
    driver.fireTimer(bk, "Event_StandstillElapsed");
    driver.tellPanelOfAward(bk);
    driver.awardContract(bk, "CON-2027-015");
    driver.publishContractDetails(bk);
    driver.review(bk, "continue");
    driver.answerAll(bk);
    driver.deliverAllFeedback(bk);
    driver.runJobs(bk);
    driver.runJobs(bk);

    assertThat(cycle).isEnded().hasPassed("Activity_CloseCycle", "Activity_IssueAssessmentSummary");
  }

  private String evaluator(Task task) {
    return String.valueOf(engine.getTaskService().getVariable(task.getId(), "evaluatorRef"));
  }
}
