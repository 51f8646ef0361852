package org.coproduced.commissioning.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.coproduced.commissioning.feedback.FeedbackRepository;
import org.coproduced.commissioning.notification.Mailbox;
import org.coproduced.commissioning.notification.MessageQueue;
import org.coproduced.commissioning.notification.TestMailServer;
import org.coproduced.commissioning.support.ApplicationTest;
import org.coproduced.commissioning.support.CycleDriver;
import org.coproduced.commissioning.support.ProcessAssertions;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * An upgrade from release 0.1.0 as a council lives it, on one database: the application's tables
 * at 0.1.0's schema with the expert pool in them, migrated; only 0.1.0's models deployed (with the
 * processes today's code starts itself); cycles started and left at every kind of wait; then the
 * new release's models; then every old cycle finished through its old tasks, each message sent
 * once and everyone's feedback delivered.
 *
 * <p>Its own database and engine (so the current models are not there yet), without a web server
 * (closing a second web context would break the shared one's webapps). "Then the new release
 * starts" is played in the same context: Flyway migrates to the latest version, the current
 * models are deployed as the application deploys them, and the engine forgets the definitions it
 * had parsed. The code before the upgrade is today's code on 0.1.0's tables: the rows are in
 * 0.1.0's shape because 0.1.0's columns are all there are.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
    "spring.datasource.url=jdbc:h2:mem:upgradefrom010;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE",
    // A name of its own, or closing this context would unregister the shared context's engine.
    "camunda.bpm.process-engine-name=upgradefrom010",
    "spring.flyway.target=" + ReleasedSchema.VERSION,
    "camunda.bpm.auto-deployment-enabled=false",
    // The REST API's set-up needs the web server this test leaves out.
    "spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration"})
@ActiveProfiles({"demo", "test"})
@ContextConfiguration(initializers = TestMailServer.PointSpringMailAtIt.class)
@ExtendWith(ProcessAssertions.class)
@Tag(ApplicationTest.TAG)
@DirtiesContext
class ReleasedCyclesUpgradeTest {

  /** Where a cycle is left when the upgrade comes: before which step of {@link #steps()}, at which element. */
  enum Waiting {
    INVITATION_OPEN(2, "Activity_AnswerInvitation"),
    SESSION_RECORDED(3, "Activity_RecordContributionUse"),
    SPECIFICATION_IN_REVIEW(6, "Activity_ReviewSpecification"),
    BIDS_BEING_SCORED(10, "Activity_ScoreBid"),
    STANDSTILL_RUNNING(12, "Event_StandstillElapsed"),
    FEEDBACK_WAITING(16, "SubProcess_DeliverFeedback");

    final int step;
    final String activity;

    Waiting(int step, String activity) {
      this.step = step;
      this.activity = activity;
    }
  }

  /** How a called process (gate or feedback) is driven: its tasks differ between versions. */
  record Called(Consumer<String> passGate, Consumer<String> answerAll, Consumer<String> deliverAllFeedback) {}

  @RegisterExtension static GreenMailExtension mail = TestMailServer.extension();

  @Autowired ProcessEngine engine;
  @Autowired Flyway flyway;
  @Autowired JdbcClient jdbc;
  @Autowired FeedbackRepository feedback;

  ReleasedDeployment release;
  CycleDriver plumbing;
  ReleasedCycleDriver old;
  Called oldCalls;
  Called currentCalls;
  boolean upgraded;

  @Test
  void cyclesLeftWaitingAtEveryKindOfStepFinishAfterTheUpgrade() {
    release = new ReleasedDeployment(engine);
    plumbing = new CycleDriver(engine);
    old = new ReleasedCycleDriver(plumbing);
    oldCalls = new Called(old::passGate, old::answerAll, old::deliverAllFeedback);
    currentCalls = new Called(plumbing::passGate, plumbing::answerAll, plumbing::deliverAllFeedback);

    // Before: 0.1.0's tables (unchanged since) and 0.1.0's models, nothing newer.
    assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo(ReleasedSchema.VERSION);
    assertThat(appliedChecksums()).isEqualTo(ReleasedSchema.CHECKSUMS);
    release.deployReleased();
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().list())
        .isNotEmpty().allMatch(definition -> release.isReleased(definition.getId()));
    // Before the upgrade this test runs today's code, where a council's old nodes ran 0.1.0's. The
    // processes today's code starts by itself, which 0.1.0 did not have (and their forms), must be
    // there for it; they change nothing in the old models.
    deployWhatTheReleaseDidNotHave();
    // 0.1.0's tables hold the expert pool (written at start, in 0.1.0's columns). Today's code
    // writes columns 0.1.0 did not have, so the schema is migrated before it starts the old cycles;
    // the old models and their instances are the same whichever comes first.
    migrateTheSchema();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM cc_expert").query(Long.class).single())
        .as("the expert pool written into 0.1.0's tables, still there").isPositive();

    Map<Waiting, ProcessInstance> cycles = new EnumMap<>(Waiting.class);
    for (Waiting waiting : Waiting.values()) {
      if (waiting == Waiting.FEEDBACK_WAITING) {
        // The old nodes sent what was due so far; the feedback messages wait in the outbox over the upgrade.
        deliverMessages();
      }
      ProcessInstance cycle = old.startCycle("Waiting over the upgrade: " + waiting,
          release.releasedDefinition("commissioning-cycle"));
      run(cycle.getBusinessKey(), 0, waiting.step);
      assertThat(waitsAt(cycle.getBusinessKey(), waiting.activity)).as("cycle %s waits at %s", waiting, waiting.activity)
          .isTrue();
      cycles.put(waiting, cycle);
    }
    assertThat(feedback.waitingRefs(cycleId(cycles.get(Waiting.FEEDBACK_WAITING)))).isNotEmpty();
    Set<String> calledBefore = calledInstances();
    assertThat(pendingMessages()).isPositive();

    upgrade();

    for (Waiting waiting : Waiting.values()) {
      run(cycles.get(waiting).getBusinessKey(), waiting.step, steps().size());
    }
    deliverMessages();

    for (ProcessInstance cycle : cycles.values()) {
      assertThat(cycle).isEnded().hasPassed("Activity_CloseCycle");
      assertThat(release.isReleased(historic(cycle.getId()).getProcessDefinitionId())).isTrue();
      assertThat(feedback.waitingRefs(cycleId(cycle))).isEmpty();
    }
    // Gates and feedback are called with "latest" binding: those running at the upgrade stayed on
    // 0.1.0, those called after it ran the current models.
    List<HistoricProcessInstance> called = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceIds(calledInstances()).list();
    assertThat(called).allSatisfy(instance -> assertThat(release.isReleased(instance.getProcessDefinitionId()))
        .as("%s %s started before the upgrade", instance.getProcessDefinitionKey(), instance.getId())
        .isEqualTo(calledBefore.contains(instance.getId())));
    assertThat(called).hasSizeGreaterThan(calledBefore.size());
    eachMessageWasSentOnce();
  }

  /** One old cycle's life, in order; a cycle waits before step {@link Waiting#step} over the upgrade. */
  private List<Consumer<String>> steps() {
    return List.of(
        old::agreePlan,
        old::openInvitations, // the ANALYSE gate: every cycle here calls it before the upgrade
        old::holdSession,
        old::useContributions,
        bk -> gate(bk).passGate().accept(bk), // PLAN
        old::draftSpecification,
        old::approveSpecification,
        old::publishTenderAndRecordBids,
        bk -> gate(bk).passGate().accept(bk), // DO
        old::declareInterests,
        old::scoreBids,
        old::moderateAndDecideAward,
        old::awardContract,
        bk -> {
          old.reviewDue(bk);
          gate(bk).passGate().accept(bk); // REVIEW
        },
        old::decideToContinue,
        bk -> feedbackDelivery(bk).answerAll().accept(bk),
        bk -> {
          feedbackDelivery(bk).deliverAllFeedback().accept(bk);
          plumbing.runJobs(bk); // the cycle's closing steps are asynchronous
          plumbing.runJobs(bk);
        });
  }

  private void run(String bk, int from, int to) {
    steps().subList(from, to).forEach(step -> step.accept(bk));
  }

  private Called gate(String bk) {
    return called(bk, "involvement-request");
  }

  private Called feedbackDelivery(String bk) {
    return called(bk, "feedback-delivery");
  }

  /** A called process running on 0.1.0 keeps 0.1.0's tasks; one called now runs the latest models deployed. */
  private Called called(String bk, String processKey) {
    boolean oldOneRunning = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(bk)
        .processDefinitionKey(processKey).list().stream()
        .anyMatch(instance -> release.isReleased(instance.getProcessDefinitionId()));
    return oldOneRunning || !upgraded ? oldCalls : currentCalls;
  }

  /** What installing the new release does: its migrations, its models, and an engine that parses definitions afresh. */
  private void migrateTheSchema() {
    Flyway latest = Flyway.configure().configuration(flyway.getConfiguration()).target(MigrationVersion.LATEST).load();
    latest.migrate();
    assertThat(latest.info().pending()).isEmpty();
    assertThat(latest.info().current().getVersion()).isGreaterThan(MigrationVersion.fromVersion(ReleasedSchema.VERSION));
  }

  /** The current processes and forms whose files 0.1.0 did not have. */
  private void deployWhatTheReleaseDidNotHave() {
    var resolver = new org.springframework.core.io.support.PathMatchingResourcePatternResolver();
    var deployment = engine.getRepositoryService().createDeployment().name("started by today's code");
    int added = 0;
    try {
      for (String folder : List.of("processes", "forms")) {
        for (var resource : resolver.getResources("classpath:" + folder + "/*.*")) {
          String name = resource.getFilename();
          if (!new org.springframework.core.io.ClassPathResource("released/0.1.0/" + folder + "/" + name).exists()) {
            deployment.addInputStream(folder + "/" + name, resource.getInputStream());
            added++;
          }
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (added > 0) {
      deployment.deploy();
    }
  }

  private void upgrade() {
    release.deployCurrent();
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    configuration.getDeploymentCache().discardProcessDefinitionCache();
    configuration.getDeploymentCache().discardDecisionDefinitionCache();
    configuration.getDeploymentCache().discardDecisionRequirementsDefinitionCache();
    upgraded = true;
  }

  private Map<String, Integer> appliedChecksums() {
    return java.util.Arrays.stream(flyway.info().applied()).filter(migration -> migration.getVersion() != null
            && migration.getChecksum() != null)
        .collect(Collectors.toMap(migration -> migration.getVersion().getVersion(), MigrationInfo::getChecksum));
  }

  /** Runs every waiting delivery, as the job executor would: messages from before and after the upgrade. */
  private void deliverMessages() {
    List<Job> jobs = new ArrayList<>();
    engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(MessageQueue.DELIVERY_PROCESS).list()
        .forEach(delivery -> jobs.addAll(engine.getManagementService().createJobQuery()
            .processInstanceId(delivery.getId()).executable().list()));
    jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
  }

  private void eachMessageWasSentOnce() {
    assertThat(pendingMessages()).isZero();
    List<String> sent = jdbc.sql("SELECT mail_message_id FROM cc_message WHERE status = 'SENT'").query(String.class).list();
    List<String> received = Mailbox.read(mail).stream().map(Mailbox.Mail::messageId).toList();
    assertThat(sent).isNotEmpty();
    assertThat(received).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(sent);
  }

  private long pendingMessages() {
    return jdbc.sql("SELECT COUNT(*) FROM cc_message WHERE status IN ('PENDING', 'SENDING')").query(Long.class).single();
  }

  private Set<String> calledInstances() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().list().stream()
        .filter(instance -> instance.getSuperProcessInstanceId() != null).map(HistoricProcessInstance::getId)
        .collect(Collectors.toSet());
  }

  private boolean waitsAt(String bk, String activityId) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(bk).list().stream()
        .anyMatch(instance -> engine.getHistoryService().createHistoricActivityInstanceQuery()
            .processInstanceId(instance.getId()).activityId(activityId).unfinished().count() > 0);
  }

  private HistoricProcessInstance historic(String id) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  private static long cycleId(ProcessInstance cycle) {
    return Long.parseLong(cycle.getBusinessKey());
  }
}
