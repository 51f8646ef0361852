package org.coproduced.commissioning.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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

  @Autowired ProcessEngine engine;
  @Autowired AwardSteps steps;

  TestDeployments deployments;
  String previousDefinition;

  @BeforeAll
  void deployThePreviousVersionThenTheCurrentOne() {
    deployments = new TestDeployments(engine);
    String previous = deployments.deploy("commissioning-cycle version tag 2", PREVIOUS, "forms/*.form");
    previousDefinition = engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(previous)
        .processDefinitionKey("commissioning-cycle").singleResult().getId();
    deployments.deploy("current, on top of version tag 2", "processes/*.bpmn", "processes/*.dmn", "forms/*.form");
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

}
