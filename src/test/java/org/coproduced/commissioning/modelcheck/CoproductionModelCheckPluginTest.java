package org.coproduced.commissioning.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.coproduced.commissioning.modelcheck.ModelCheckFixtures.BROKEN;
import static org.coproduced.commissioning.modelcheck.ModelCheckFixtures.VALID;

import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The plugin inside a real (in-memory) engine: a refused deployment changes nothing. */
class CoproductionModelCheckPluginTest {

  private static ProcessEngine engine;
  private static RepositoryService repositoryService;

  @BeforeAll
  static void startEngine() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl)
            ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                .setProcessEngineName("modelcheck-" + UUID.randomUUID())
                .setJdbcUrl("jdbc:h2:mem:modelcheck-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .setJobExecutorActivate(false);
    configuration.getProcessEnginePlugins().add(new CoproductionModelCheckPlugin());
    engine = configuration.buildProcessEngine();
    repositoryService = engine.getRepositoryService();
    // As in the application: the involvement and feedback processes are deployed before any
    // hand-made cycle arrives, and its gates and feedback calls resolve to them.
    repositoryService
        .createDeployment()
        .name("called processes")
        .addClasspathResource("processes/involvement-request.bpmn")
        .addClasspathResource("processes/feedback-delivery.bpmn")
        .deploy();
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  static Stream<String> validModels() {
    return ModelCheckFixtures.names(VALID).stream();
  }

  @Test
  void brokenCycleIsRefusedAndNothingIsDeployed() {
    long deploymentsBefore = repositoryService.createDeploymentQuery().count();

    assertThatThrownBy(
            () ->
                repositoryService
                    .createDeployment()
                    .name("broken cycle")
                    .addClasspathResource(
                        ModelCheckFixtures.resource(BROKEN, "recommission-loop-skips-gate"))
                    .deploy())
        .isInstanceOf(CoproductionModelException.class)
        .hasMessageStartingWith("Deployment refused: process 'recommission-loop-skips-gate'")
        .hasMessageContaining(
            "CallActivity_ReviewGate → Activity_DecideReviewOutcome → Gateway_ReviewOutcome"
                + " → Activity_WriteNeedsAssessment");

    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
    assertThat(repositoryService.createDeploymentQuery().deploymentName("broken cycle").count())
        .isZero();
    assertThat(definitionsOf("recommission-loop-skips-gate")).isZero();
  }

  @Test
  void oneBrokenCycleRefusesTheWholeDeploymentIncludingItsOtherModels() {
    long validDefinitionsBefore = definitionsOf("parallel-gates-both-passed");

    assertThatThrownBy(
            () ->
                repositoryService
                    .createDeployment()
                    .addClasspathResource(
                        ModelCheckFixtures.resource(VALID, "parallel-gates-both-passed"))
                    .addClasspathResource(
                        ModelCheckFixtures.resource(BROKEN, "feedback-interrupted-by-boundary"))
                    .deploy())
        .isInstanceOf(CoproductionModelException.class)
        .hasMessageContaining("'feedback-interrupted-by-boundary'");

    assertThat(definitionsOf("parallel-gates-both-passed")).isEqualTo(validDefinitionsBefore);
    assertThat(definitionsOf("feedback-interrupted-by-boundary")).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validModels")
  void validCycleIsDeployed(String name) {
    long definitionsBefore = definitionsOf(name);

    repositoryService
        .createDeployment()
        .addClasspathResource(ModelCheckFixtures.resource(VALID, name))
        .deploy();

    assertThat(definitionsOf(name)).isEqualTo(definitionsBefore + 1);
  }

  @Test
  void modelThatIsNotACycleIsLeftToTheEngine() {
    repositoryService
        .createDeployment()
        .addModelInstance(
            "not-a-cycle.bpmn",
            Bpmn.createExecutableProcess("not-a-cycle")
                .camundaHistoryTimeToLive(1825)
                .startEvent()
                .userTask("Activity_Anything")
                .endEvent()
                .done())
        .deploy();

    assertThat(definitionsOf("not-a-cycle")).isEqualTo(1);
  }

  private static long definitionsOf(String processId) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(processId).count();
  }
}
