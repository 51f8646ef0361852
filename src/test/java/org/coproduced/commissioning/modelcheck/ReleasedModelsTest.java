package org.coproduced.commissioning.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.RequestDetails;
import org.coproduced.commissioning.support.ApplicationTest;
import org.coproduced.commissioning.support.CycleDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Instances started on the previous release's models run on with the current application: their
 * expressions ({@code procurementService.bidName(bidId)}, {@code stageUpdates.stageFinished(execution, 'PLAN')}
 * and the like) still find the beans and methods they call. Cycles live for years, so this is
 * what every running cycle relies on after an upgrade.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReleasedModelsTest {

  @Autowired ProcessEngine engine;
  @Autowired CycleRepository cycles;
  @Autowired InvolvementRequestRepository requests;
  @Autowired ContributionRepository contributions;
  @Autowired ExpertRepository experts;
  @Autowired DataSource dataSource;

  ReleasedDeployment release;
  CycleDriver driver;

  @BeforeAll
  void deployThePreviousReleaseThenTheCurrentOne() {
    release = new ReleasedDeployment(engine);
    release.deploy();
  }

  @AfterAll
  void removeThem() {
    release.remove();
  }

  @BeforeEach
  void setUp() {
    driver = new CycleDriver(engine);
  }

  @Test
  void theApplicationDoesNotDeployThePreviousReleaseItself() {
    List<ProcessDefinition> own = engine.getRepositoryService().createProcessDefinitionQuery().list().stream()
        .filter(definition -> !release.deploymentIds().contains(definition.getDeploymentId())).toList();

    assertThat(own).isNotEmpty().noneMatch(definition -> definition.getResourceName().contains("released"));
  }

  @Test
  void aCycleStartedOnThePreviousReleaseRunsToItsEnd() {
    ProcessInstance cycle = driver.startCycle("Started before the upgrade", release.releasedDefinition("commissioning-cycle"));
    String bk = cycle.getBusinessKey();
    driver.agreePlan(bk);
    driver.analyse(bk);
    driver.plan(bk);
    driver.procure(bk);
    driver.review(bk, "continue");
    driver.answerAll(bk);
    driver.deliverAllFeedback(bk);
    driver.runJobs(bk);
    driver.runJobs(bk);

    assertThat(cycle).isEnded().hasPassed("Activity_ScoreBid", "Activity_ModerateScores", "Activity_CloseCycle");
    // The old scoring and moderation expressions gave every task its bid's name and the scores.
    assertThat(values(cycle, "bidName")).isNotEmpty().containsOnly("Open Door Trust", "Streetlight Housing");
    assertThat(values(cycle, "scoreSummary")).hasSize(2).allSatisfy(summary -> assertThat(summary).asString().contains("Average"));
    // The old stage listeners queued "where things are now" after each stage.
    assertThat(new JdbcTemplate(dataSource).queryForList("SELECT idempotency_key FROM cc_message WHERE idempotency_key LIKE ?",
        String.class, "stage-update/" + bk + "/%").stream().map(key -> key.split("/")[2]).distinct())
        .containsExactlyInAnyOrder("ANALYSE", "PLAN", "DO", "REVIEW");
    // Its gates and feedback are called with "latest" binding: they ran the current models.
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().superProcessInstanceId(cycle.getId())
        .list()).hasSize(5).extracting(HistoricProcessInstance::getProcessDefinitionId)
        .allMatch(release.currentDefinitions()::contains);
  }

  @Test
  void anInvolvementRequestStartedOnThePreviousReleaseNamesEachExpertToRecord() {
    long cycleId = cycles.insert("Gate before the upgrade", "housing-homelessness", "under-100k",
        "Experts will shape the service.", "Better outcomes", "Spring", "commissioner", null);
    String bk = String.valueOf(cycleId);
    ProcessInstance gate = engine.getRuntimeService().startProcessInstanceById(
        release.releasedDefinition("involvement-request"), bk,
        Map.of("cycleId", cycleId, "commissioner", "commissioner", "stage", "ANALYSE"));

    driver.passGate(bk);

    assertThat(gate).isEnded().hasPassed("Activity_RecordContribution");
    assertThat(values(gate, "expertRef")).isNotEmpty().allSatisfy(ref -> assertThat(ref).asString().matches("EX-\\d{4}"));
  }

  @Test
  void aFeedbackDeliveryStartedOnThePreviousReleaseNamesEachContribution() {
    long cycleId = cycles.insert("Feedback before the upgrade", "mental-health", "under-100k",
        "Experts will shape the service.", "Better outcomes", "Spring", "commissioner", null);
    String bk = String.valueOf(cycleId);
    long requestId = requests.save(null, cycleId, "ANALYSE", new RequestDetails("Share views", "To design it",
        "coproduction", CycleDriver.nextSessionDate(), "10:00", 2, "in-person", "Hall", 2, List.of("mental-health"),
        "Commissioner"), 20, null);
    long contribution = contributions.insert(requestId, cycleId, experts.findByRef("EX-0005").orElseThrow().id(),
        "ANALYSE", "Send letters, not texts.");
    ProcessInstance delivery = engine.getRuntimeService().startProcessInstanceById(
        release.releasedDefinition("feedback-delivery"), bk, Map.of("cycleId", cycleId, "commissioner", "commissioner"));

    Task answer = driver.task(bk, "Activity_AnswerContribution");
    assertThat(engine.getTaskService().getVariable(answer.getId(), "contributionRef")).isEqualTo("C-" + contribution);
    driver.answerAll(bk);
    driver.deliverAllFeedback(bk);
    driver.runJobs(bk);
    assertThat(delivery).isEnded();
  }

  /** The values a variable ended with in an instance, over all its scopes (tasks of a multi-instance). */
  private List<Object> values(ProcessInstance instance, String variable) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(variable).list().stream().map(HistoricVariableInstance::getValue).toList();
  }
}
