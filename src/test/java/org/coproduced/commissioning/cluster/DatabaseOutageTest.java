package org.coproduced.commissioning.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.cycle.CycleCancellation;
import org.coproduced.commissioning.resilience.DatabaseFailures;
import org.coproduced.commissioning.support.CycleDriver;
import org.coproduced.commissioning.support.FaultsProfile;
import org.coproduced.commissioning.support.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database stops for 30 seconds and comes back while two nodes run cycles whose timers fall
 * due during the outage. Nothing is restarted but the database.
 */
@FaultsProfile
class DatabaseOutageTest {

  static final Duration OUTAGE = Duration.ofSeconds(30);
  static final int CYCLES = 6;

  @TempDir static Path temp;
  static ClusterDatabase database;
  static GreenMail mail;
  static ClusterNode nodeA;
  static ClusterNode nodeB;

  @BeforeAll
  static void start() {
    database = new ClusterDatabase(temp.resolve("postgres"));
    mail = new GreenMail(new ServerSetup(ClusterDatabase.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    // Sessions fall due 10 s after the invitations close: during the outage.
    String sessionWait = "--coproduction.schedule.session-wait-override=PT10S";
    nodeA = ClusterNode.start("node-a", database.jdbcUrl(), mail.getSmtp().getPort(), 10_000, sessionWait);
    nodeB = ClusterNode.start("node-b", database.jdbcUrl(), mail.getSmtp().getPort(), 10_000, sessionWait);
  }

  @AfterAll
  static void stop() {
    ClusterParts.stop(database, mail, nodeB, nodeA);
  }

  @Test
  void cyclesSurviveTheDatabaseStoppingForThirtySecondsAndPeopleAreAskedToTryAgain() {
    ProcessEngine[] engines = {nodeA.engine(), nodeB.engine()};
    List<AlternatingDriver> drivers = new ArrayList<>();
    List<String> cycles = new ArrayList<>();
    for (int i = 0; i < CYCLES; i++) {
      AlternatingDriver driver = new AlternatingDriver(i, engines);
      drivers.add(driver);
      cycles.add(ClusterWork.toSession(driver, "Cycle through a database outage " + i));
    }
    WebSession coordinator = new WebSession(nodeA.url("")).signIn("tasklist", CycleDriver.COORDINATOR, "demo");
    String page = "/app/cycles/" + cycles.get(0) + "/contributions";
    assertThat(coordinator.get(page).statusCode()).isEqualTo(200);
    // A coordinator has a form open in Tasklist when the database goes away.
    AlternatingDriver planning = new AlternatingDriver(0, engines);
    String planned = planning.startCycle("A plan agreed across the outage").getBusinessKey();
    Task plan = planning.task(planned, "Activity_AgreeInvolvementPlan");
    String planForm = "{\"sharedPurpose\":{\"value\":\"Design the service together.\"},"
        + "\"rolesAgreed\":{\"value\":\"Experts co-design.\"},\"recompenseOffer\":{\"value\":\"choice\"},"
        + "\"planAgreed\":{\"value\":true}}";

    long sessionsDueDuringTheOutage = nodeA.engine().getManagementService().createJobQuery()
        .activityId("Event_SessionDue").count();
    assertThat(sessionsDueDuringTheOutage).as("session timers still to fire").isPositive();
    database.stop();
    long stoppedAt = System.nanoTime();
    try {
      HttpResponse<String> unavailable = coordinator.get(page);
      assertThat(unavailable.statusCode()).isEqualTo(503);
      assertThat(unavailable.body()).contains(DatabaseFailures.TRY_AGAIN).doesNotContain("Exception")
          .doesNotContain("at org.");
      HttpResponse<String> tasklist = coordinator.submitInTasklist(plan.getId(), planForm);
      assertThat(tasklist.statusCode()).isEqualTo(503);
      assertThat(tasklist.body()).contains(DatabaseFailures.TRY_AGAIN);
      HttpResponse<String> health = new WebSession(nodeB.url("")).get("/actuator/health");
      assertThat(health.statusCode()).isEqualTo(503);
      assertThatThrownBy(() -> nodeB.engine().getTaskService().createTaskQuery().count())
          .as("the engine API fails after the connection timeout instead of hanging");
    } finally {
      Eventually.sleep(OUTAGE.minus(Duration.ofNanos(System.nanoTime() - stoppedAt)));
      database.start();
    }
    long restartedAt = System.nanoTime();

    for (ClusterNode node : new ClusterNode[] {nodeA, nodeB}) {
      Eventually.await(node.name() + " to be healthy again", Duration.ofSeconds(60),
          () -> new WebSession(node.url("")).get("/actuator/health").statusCode(), status -> status == 200);
    }
    long healthySeconds = Duration.ofNanos(System.nanoTime() - restartedAt).toSeconds();
    assertThat(coordinator.get(page).statusCode()).as("the same session works again").isEqualTo(200);
    HttpResponse<String> again = coordinator.submitInTasklist(plan.getId(), planForm);
    assertThat(again.statusCode()).as("trying again works: %s", again.body()).isEqualTo(204);
    assertThat(planning.tasks(planned, "Activity_AgreeInvolvementPlan")).isEmpty();

    CycleCancellation[] cancellations = {nodeA.bean(CycleCancellation.class), nodeB.bean(CycleCancellation.class)};
    List<CompletableFuture<HistoricProcessInstance>> runs = new ArrayList<>();
    for (int i = 0; i < CYCLES; i++) {
      AlternatingDriver driver = drivers.get(i);
      String bk = cycles.get(i);
      CycleCancellation cancellation = cancellations[i % 2];
      runs.add(CompletableFuture.supplyAsync(() -> {
        ClusterWork.afterSession(driver, bk);
        ClusterWork.stopAndGiveFeedback(driver, cancellation, bk);
        return ClusterWork.awaitEnded(driver.engine(), bk, Duration.ofSeconds(120));
      }));
    }
    JdbcClient jdbc = JdbcClient.create(database.dataSource());
    for (int i = 0; i < CYCLES; i++) {
      HistoricProcessInstance ended = runs.get(i).join();
      List<String> instances = ClusterWork.instanceTree(nodeA.engine(), ended.getId());
      assertThat(ClusterWork.completedTasks(nodeA.engine(), instances)).as("task completions of cycle %s", cycles.get(i))
          .isEqualTo(drivers.get(i).submitted());
      for (String activity : ClusterWork.JOB_ACTIVITIES) {
        assertThat(ClusterWork.finishedActivities(nodeA.engine(), instances, activity)).as(activity).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cluster_job_run WHERE root_instance_id = ? AND activity_id = ?")
            .params(ended.getId(), activity).query(Long.class).single()).as("committed runs of " + activity).isEqualTo(1);
      }
    }
    ClusterWork.assertNothingStuck(nodeA.engine());
    System.out.printf("OUTAGE: database down %d s with %d session timers falling due; both nodes healthy %d s after "
        + "it came back; %d cycles finished, every job once, no completion lost%n", OUTAGE.toSeconds(),
        sessionsDueDuringTheOutage, healthySeconds, CYCLES);
  }
}
