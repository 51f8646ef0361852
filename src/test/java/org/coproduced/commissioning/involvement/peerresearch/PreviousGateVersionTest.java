package org.coproduced.commissioning.involvement.peerresearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.involvement.contribution.Contribution;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.involvement.contribution.ContributionRoute;
import org.coproduced.commissioning.support.ApplicationTest;
import org.coproduced.commissioning.support.CycleDriver;
import org.coproduced.commissioning.support.TestDeployments;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A gate started on the involvement model before peer research (version tag 2) runs to its end
 * with today's beans and forms, after the current model (version tag 3) is deployed on top of it:
 * its session's contributions are recorded as before, and it passes as it began.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreviousGateVersionTest {

  static final String PREVIOUS = "previous/involvement-request-2/involvement-request.bpmn";

  @Autowired ProcessEngine engine;
  @Autowired CycleRepository cycles;
  @Autowired ContributionRepository contributions;

  TestDeployments deployments;
  String previousDefinition;

  @BeforeAll
  void deployThePreviousVersionThenTheCurrentOne() {
    deployments = new TestDeployments(engine);
    String previous = deployments.deploy("involvement-request version tag 2", PREVIOUS, "forms/*.form");
    previousDefinition = engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(previous)
        .processDefinitionKey("involvement-request").singleResult().getId();
    deployments.deploy("current, on top of version tag 2", "processes/*.bpmn", "processes/*.dmn", "forms/*.form");
  }

  @AfterAll
  void removeThem() {
    deployments.removeAll();
  }

  @Test
  void aGateStartedBeforePeerResearchRunsToItsEnd() {
    assertThat(engine.getRepositoryService().getProcessDefinition(previousDefinition).getVersionTag()).isEqualTo("2");
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("involvement-request")
        .latestVersion().singleResult().getVersionTag()).isEqualTo("3");
    long cycle = cycles.insert("Gate started before peer research", "housing-homelessness", "under-100k",
        "Experts will shape the service.", "Better outcomes", "Spring", "commissioner", null);
    String bk = String.valueOf(cycle);
    ProcessInstance gate = engine.getRuntimeService().startProcessInstanceById(previousDefinition, bk,
        Map.of("cycleId", cycle, "commissioner", "commissioner", "stage", "ANALYSE"));
    CycleDriver driver = new CycleDriver(engine);

    driver.passGate(bk);

    assertThat(gate).hasPassed("Activity_RecordContribution", "Activity_RecordRecompense").isEnded();
    assertThat(contributions.findByCycle(cycle)).isNotEmpty().extracting(Contribution::route)
        .containsOnly(ContributionRoute.SESSION);
  }

}
