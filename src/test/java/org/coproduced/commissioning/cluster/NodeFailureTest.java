package org.coproduced.commissioning.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.coproduced.commissioning.cycle.CycleCancellation;
import org.coproduced.commissioning.support.FaultsProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Nodes that stop in the middle of a job: one killed abruptly, whose job another node takes over
 * once the lock expires, and one stopped gracefully, which finishes its job before it goes.
 */
@FaultsProfile
class NodeFailureTest {

  static final long LOCK_MILLIS = 8_000;
  static final String CLOSING = "Activity_CloseCancelledCycle";

  @TempDir static Path temp;
  static ClusterDatabase database;
  static GreenMail mail;
  static ClusterNode survivor;
  static JdbcClient jdbc;

  @BeforeAll
  static void start() {
    database = new ClusterDatabase(temp.resolve("postgres"));
    mail = new GreenMail(new ServerSetup(ClusterDatabase.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    survivor = ClusterNode.start("survivor", database.jdbcUrl(), mail.getSmtp().getPort(), LOCK_MILLIS);
    jdbc = JdbcClient.create(database.dataSource());
  }

  @AfterAll
  static void stop() {
    ClusterParts.stop(database, mail, survivor);
  }

  @Test
  void aJobCutOffByAKilledNodeIsFinishedOnceByTheOtherNodeAfterItsLockExpires() throws Exception {
    JobExecutor survivorJobs = jobExecutor(survivor.engine());
    survivorJobs.shutdown();
    Path signal = temp.resolve("crashing-node-is-in-the-job");
    String cycleBk;
    try (NodeProcess crashing = NodeProcess.start("crashing", database.jdbcUrl(), mail.getSmtp().getPort(),
        LOCK_MILLIS, Path.of("target", "crashing-node.log"), "--cluster-test.hang-in=" + CLOSING,
        "--cluster-test.hang-for=PT10M", "--cluster-test.hang-signal=" + signal)) {
      crashing.awaitUp(Duration.ofMinutes(3));

      AlternatingDriver driver = new AlternatingDriver(0, survivor.engine());
      cycleBk = ClusterWork.throughAnalyse(driver, "A node crashes while closing this cycle");
      ClusterWork.stopAndGiveFeedback(driver, survivor.bean(CycleCancellation.class), cycleBk);
      Eventually.await("the crashing node to be in the middle of closing the cycle", Duration.ofSeconds(90),
          () -> Files.exists(signal), Boolean::booleanValue);
      crashing.kill();
    }
    long killedAt = System.nanoTime();

    String rootId = survivor.engine().getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(cycleBk).processDefinitionKey("commissioning-cycle").singleResult().getId();
    JobEntity cutOff = (JobEntity) survivor.engine().getManagementService().createJobQuery()
        .processInstanceId(rootId).activityId(CLOSING).singleResult();
    assertThat(cutOff).as("the job the killed node was running").isNotNull();
    assertThat(cutOff.getLockOwner()).as("still locked by the killed node").isNotNull();
    assertThat(cutOff.getRetries()).as("a crash is not counted as a failure").isEqualTo(3);
    assertThat(committedRuns(rootId, CLOSING)).as("the killed node's work was rolled back").isZero();

    survivorJobs.start();
    HistoricProcessInstance ended = ClusterWork.awaitEnded(survivor.engine(), cycleBk, Duration.ofSeconds(60));
    long secondsAfterKill = Duration.ofNanos(System.nanoTime() - killedAt).toSeconds();

    assertThat(committedRuns(ended.getId(), CLOSING)).isEqualTo(1);
    assertThat(jdbc.sql("SELECT node FROM cluster_job_run WHERE root_instance_id = ? AND activity_id = ?")
        .params(ended.getId(), CLOSING).query(String.class).single()).isEqualTo("survivor");
    List<String> instances = ClusterWork.instanceTree(survivor.engine(), ended.getId());
    for (String activity : ClusterWork.JOB_ACTIVITIES) {
      assertThat(ClusterWork.finishedActivities(survivor.engine(), instances, activity)).as(activity).isEqualTo(1);
      assertThat(committedRuns(ended.getId(), activity)).as("committed runs of " + activity).isEqualTo(1);
    }
    assertThat(jdbc.sql("SELECT status FROM cc_cycle WHERE id = ?").param(Long.parseLong(cycleBk))
        .query(String.class).single()).isEqualTo("CANCELLED");
    ClusterWork.assertNothingStuck(survivor.engine());
    System.out.printf("CRASH: job taken over and finished %d s after the kill (lock time %d s)%n", secondsAfterKill,
        LOCK_MILLIS / 1000);
  }

  @Test
  void aNodeStoppedGracefullyFinishesTheJobItIsRunning() throws Exception {
    ClusterNode leaving = ClusterNode.start("leaving", database.jdbcUrl(), mail.getSmtp().getPort(), LOCK_MILLIS);
    JobExecutor survivorJobs = jobExecutor(survivor.engine());
    survivorJobs.shutdown();
    try {
      Path signal = temp.resolve("leaving-node-is-in-the-job");
      leaving.bean(JobRunRecorder.class).hangIn(CLOSING, Duration.ofSeconds(4), signal);
      AlternatingDriver driver = new AlternatingDriver(0, survivor.engine(), leaving.engine());
      String bk = ClusterWork.throughAnalyse(driver, "A node leaves while closing this cycle");
      ClusterWork.stopAndGiveFeedback(driver, survivor.bean(CycleCancellation.class), bk);
      Eventually.await("the leaving node to be in the middle of closing the cycle", Duration.ofSeconds(90),
          () -> Files.exists(signal), Boolean::booleanValue);

      long stopping = System.nanoTime();
      CompletableFuture.runAsync(leaving::close).get(60, TimeUnit.SECONDS);
      long stopSeconds = Duration.ofNanos(System.nanoTime() - stopping).toSeconds();

      HistoricProcessInstance ended = survivor.engine().getHistoryService().createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey(bk).processDefinitionKey("commissioning-cycle").singleResult();
      assertThat(ended.getEndTime()).as("the cycle was closed before the node finished stopping").isNotNull();
      assertThat(jdbc.sql("SELECT node FROM cluster_job_run WHERE root_instance_id = ? AND activity_id = ?")
          .params(ended.getId(), CLOSING).query(String.class).list()).containsExactly("leaving");
      ClusterWork.assertNothingStuck(survivor.engine());
      System.out.printf("GRACEFUL: the leaving node finished its running job and stopped in %d s%n", stopSeconds);
    } finally {
      leaving.close();
      survivorJobs.start();
    }
  }

  private static JobExecutor jobExecutor(ProcessEngine engine) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
  }

  private static long committedRuns(String rootInstanceId, String activityId) {
    return jdbc.sql("SELECT COUNT(*) FROM cluster_job_run WHERE root_instance_id = ? AND activity_id = ?")
        .params(rootInstanceId, activityId).query(Long.class).single();
  }
}
