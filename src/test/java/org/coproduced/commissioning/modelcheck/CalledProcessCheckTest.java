package org.coproduced.commissioning.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Gates must call an involvement process the check accepts, and the involvement and feedback
 * processes must themselves keep their promises. Each set of models is deployed through a real
 * (in-memory) engine and given to the command-line check, and both must answer the same. A second
 * engine without the check, on the same database, stands for definitions deployed before it.
 */
class CalledProcessCheckTest {

  private static final String CALLS = "modelcheck/calls/";
  private static final String FEEDBACK = CALLS + "feedback-waits-for-everyone.bpmn";
  private static final String INVOLVEMENT = CALLS + "involvement-records-contribution-or-reason.bpmn";

  private static ProcessEngine checked;
  private static ProcessEngine unchecked;

  @BeforeAll
  static void startEngines() {
    String database = "calls-" + UUID.randomUUID();
    checked = engine(database, true);
    unchecked = engine(database, false);
  }

  @AfterAll
  static void closeEngines() {
    unchecked.close();
    checked.close();
  }

  @AfterEach
  void removeDeployments() {
    RepositoryService repository = checked.getRepositoryService();
    repository.createDeploymentQuery().list().forEach(d -> repository.deleteDeployment(d.getId(), true));
  }

  /** A set of models, deployed together, the check refuses; and a line its refusal must contain. */
  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("a gate that calls another process",
            List.of(CALLS + "cycle-gate-calls-involvement-survey.bpmn", CALLS + "involvement-survey.bpmn", FEEDBACK),
            "process 'cycle-gate-calls-involvement-survey' has element 'CallActivity_AnalyseGate' that is marked"
                + " 'coproduction:gate=ANALYSE', but calls 'involvement-survey'; a gate must call 'involvement-request'."),
        Arguments.of("a gate that calls a lookalike key",
            List.of(CALLS + "cycle-gate-calls-involvement-request-v2.bpmn", INVOLVEMENT, FEEDBACK),
            "'CallActivity_AnalyseGate' that is marked 'coproduction:gate=ANALYSE', but calls"
                + " 'involvement-request-v2'; a gate must call 'involvement-request'."),
        Arguments.of("a gate that calls the key in other letters",
            List.of(CALLS + "cycle-gate-calls-wrong-case.bpmn", INVOLVEMENT, FEEDBACK),
            "but calls 'Involvement-Request'; a gate must call 'involvement-request'. Process ids are case-sensitive."),
        Arguments.of("a gate pinned to a version that is not the checked one",
            List.of(CALLS + "cycle-gate-pinned-version-2.bpmn", INVOLVEMENT, FEEDBACK),
            "process 'cycle-gate-pinned-version-2' has gate 'CallActivity_AnalyseGate', which calls"
                + " 'involvement-request': its binding 'version' 2 finds no version 2 of 'involvement-request'"
                + " deployed or in this deployment (the latest is version 1)."),
        Arguments.of("a gate with no involvement process to call",
            List.of(CALLS + "cycle-gate-calls-latest.bpmn", FEEDBACK),
            "its binding 'latest' finds no 'involvement-request' deployed or in this deployment."),
        Arguments.of("a gate bound to its deployment, which has no involvement process",
            List.of(CALLS + "cycle-gate-deployment-binding.bpmn", FEEDBACK),
            "its binding 'deployment' finds no 'involvement-request' in this deployment."),
        Arguments.of("a gate bound to a version tag nobody has",
            List.of(CALLS + "cycle-gate-version-tag.bpmn", "processes/involvement-request.bpmn", FEEDBACK),
            "its binding 'versionTag' 'checked' finds no 'involvement-request' with that version tag"),
        Arguments.of("an involvement model with a path that records nothing",
            List.of(CALLS + "cycle-gate-calls-latest.bpmn", CALLS + "involvement-path-records-nothing.bpmn", FEEDBACK),
            "process 'involvement-request' lets a path end at 'Event_RequestWithdrawn' with no contribution recorded"
                + " and no reason recorded why nobody could take part: Event_InvolvementNeeded → Activity_ReviewRequest"
                + " → Gateway_RequestAccepted → Event_RequestWithdrawn."),
        Arguments.of("a gate calling that involvement model",
            List.of(CALLS + "cycle-gate-calls-latest.bpmn", CALLS + "involvement-path-records-nothing.bpmn", FEEDBACK),
            "process 'cycle-gate-calls-latest' has gate 'CallActivity_AnalyseGate', which calls 'involvement-request':"
                + " its binding resolves to the 'involvement-request' of this deployment, and its own refusal in this"
                + " deployment says why."),
        Arguments.of("an involvement model whose reason comes from the commissioner",
            List.of(CALLS + "involvement-reason-from-commissioner.bpmn"),
            "lets a path end at 'Event_NobodyCouldTakePart' with no contribution recorded"),
        Arguments.of("a feedback model with a path that skips waiting",
            List.of(CALLS + "feedback-path-skips-waiting.bpmn"),
            "process 'feedback-delivery' lets a path end at 'Event_FeedbackDelivered' without waiting for each"
                + " contributor's acknowledgement or attestation: Event_FeedbackDue → SubProcess_DeliverFeedback"
                + " → Event_DeliveryStarted → Gateway_DeliveryChannel → Gateway_Delivered → Event_FeedbackReceived"
                + " → Event_FeedbackDelivered."),
        Arguments.of("a feedback model that waits once for everyone",
            List.of(CALLS + "feedback-acknowledged-once.bpmn"),
            "'Activity_AcknowledgeFeedback' does not count: it runs once, not once per contributor."),
        Arguments.of("a cycle whose feedback call reaches that feedback model",
            List.of(CALLS + "cycle-gate-calls-latest.bpmn", INVOLVEMENT, CALLS + "feedback-path-skips-waiting.bpmn"),
            "has feedback call 'CallActivity_Feedback', which calls 'feedback-delivery': its binding resolves to"
                + " the 'feedback-delivery' of this deployment, and its own refusal in this deployment says why."));
  }

  static Stream<Arguments> accepted() {
    return Stream.of(
        Arguments.of("latest binding", List.of(CALLS + "cycle-gate-calls-latest.bpmn", INVOLVEMENT, FEEDBACK)),
        Arguments.of("deployment binding", List.of(CALLS + "cycle-gate-deployment-binding.bpmn", INVOLVEMENT, FEEDBACK)),
        Arguments.of("version binding", List.of(CALLS + "cycle-gate-pinned-version-1.bpmn", INVOLVEMENT, FEEDBACK)),
        Arguments.of("version tag binding", List.of(CALLS + "cycle-gate-version-tag.bpmn", INVOLVEMENT, FEEDBACK)),
        Arguments.of("the application's models", List.of("processes/commissioning-cycle.bpmn",
            "processes/involvement-request.bpmn", "processes/feedback-delivery.bpmn")),
        Arguments.of("the previous release's models", List.of(ReleasedDeployment.RELEASE
            + "processes/commissioning-cycle.bpmn", ReleasedDeployment.RELEASE + "processes/involvement-request.bpmn",
            ReleasedDeployment.RELEASE + "processes/feedback-delivery.bpmn")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void deploymentRefusesAndTheCommandLineCheckAgrees(String what, List<String> models, String refusal) {
    long deploymentsBefore = checked.getRepositoryService().createDeploymentQuery().count();

    Outcome deployed = deploy(models);
    Outcome command = command(models);

    assertThat(deployed.refusals()).as("deployment refusal").anySatisfy(line -> assertThat(line).contains(refusal));
    assertThat(command).as("command-line check of the same models").isEqualTo(deployed);
    assertThat(checked.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void deploymentAcceptsAndTheCommandLineCheckAgrees(String what, List<String> models) {
    Outcome deployed = deploy(models);

    assertThat(deployed.refusals()).isEmpty();
    assertThat(command(models)).isEqualTo(deployed);
  }

  @Test
  void gatePinnedToAVersionDeployedBeforeTheCheckIsRefusedWithThatVersionsFault() {
    deployWithoutTheCheck(CALLS + "involvement-path-records-nothing.bpmn"); // version 1
    deployNow(INVOLVEMENT, FEEDBACK); // version 2, checked

    assertThatThrownBy(() -> deployNow(CALLS + "cycle-gate-pinned-version-1.bpmn"))
        .isInstanceOf(CoproductionModelException.class)
        .hasMessageContaining("has gate 'CallActivity_AnalyseGate', which calls 'involvement-request': its binding"
            + " resolves to version 1 of 'involvement-request' (deployment ")
        .hasMessageContaining("the check refuses it: process 'involvement-request' lets a path end at"
            + " 'Event_RequestWithdrawn' with no contribution recorded");
    deployNow(CALLS + "cycle-gate-pinned-version-2.bpmn");
    deployNow(CALLS + "cycle-gate-calls-latest.bpmn");
    assertThat(definitions("cycle-gate-pinned-version-1")).isZero();
    assertThat(definitions("cycle-gate-pinned-version-2")).isEqualTo(1);
  }

  @Test
  void latestInvolvementDeployedBeforeTheCheckIsRefusedUntilACheckedOneIsDeployed() {
    deployWithoutTheCheck(CALLS + "involvement-path-records-nothing.bpmn", FEEDBACK);

    assertThatThrownBy(() -> deployNow(CALLS + "cycle-gate-calls-latest.bpmn"))
        .hasMessageContaining("its binding resolves to version 1 of 'involvement-request'");

    deployNow(INVOLVEMENT);
    deployNow(CALLS + "cycle-gate-calls-latest.bpmn");
    assertThat(definitions("cycle-gate-calls-latest")).isEqualTo(1);
  }

  @Test
  void versionTagSharedByTwoDefinitionsIsRefusedAsTheEngineWouldRefuseTheCall() {
    deployNow(INVOLVEMENT, FEEDBACK);
    deployNow(INVOLVEMENT); // version 2: the same model again, no duplicate filtering

    assertThatThrownBy(() -> deployNow(CALLS + "cycle-gate-version-tag.bpmn"))
        .hasMessageContaining("its binding 'versionTag' 'checked' finds 2 definitions of 'involvement-request' with"
            + " that tag, so the engine would refuse the call.");
    deployNow(CALLS + "cycle-gate-pinned-version-2.bpmn");
    assertThat(definitions("cycle-gate-version-tag")).isZero();
    assertThat(definitions("cycle-gate-pinned-version-2")).isEqualTo(1);
  }

  private record Outcome(Set<String> refusals) {}

  private Outcome deploy(List<String> models) {
    try {
      deployNow(models.toArray(String[]::new));
      return new Outcome(Set.of());
    } catch (CoproductionModelException e) {
      return new Outcome(lines(e.getMessage()));
    }
  }

  private static Outcome command(List<String> models) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = CoproductionModelCheckCommand.run(models.stream().map(CalledProcessCheckTest::file).toList(),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).as("exit status").isIn(0, 1);
    return new Outcome(lines(err.toString(StandardCharsets.UTF_8)));
  }

  private static Set<String> lines(String text) {
    return text.lines().filter(line -> line.startsWith("Deployment refused: ")).collect(Collectors.toSet());
  }

  private static Deployment deployNow(String... resources) {
    return deployIn(checked, resources);
  }

  private static Deployment deployWithoutTheCheck(String... resources) {
    return deployIn(unchecked, resources);
  }

  private static Deployment deployIn(ProcessEngine engine, String... resources) {
    DeploymentBuilder builder = engine.getRepositoryService().createDeployment();
    Arrays.stream(resources).forEach(builder::addClasspathResource);
    return builder.deploy();
  }

  private static long definitions(String key) {
    return checked.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).count();
  }

  private static String file(String resource) {
    try {
      return Path.of(CalledProcessCheckTest.class.getClassLoader().getResource(resource).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ProcessEngine engine(String database, boolean withCheck) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl)
            ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                .setProcessEngineName(database + (withCheck ? "-checked" : "-unchecked"))
                .setJdbcUrl("jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1")
                // Both engines share one database: neither may drop it when the other closes.
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setJobExecutorActivate(false);
    if (withCheck) {
      configuration.getProcessEnginePlugins().add(new CoproductionModelCheckPlugin());
    }
    return configuration.buildProcessEngine();
  }
}
