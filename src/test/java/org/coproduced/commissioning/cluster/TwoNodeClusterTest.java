package org.coproduced.commissioning.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.cycle.CycleCancellation;
import org.coproduced.commissioning.resilience.TaskCompletionConflictFilter;
import org.coproduced.commissioning.support.CycleDriver;
import org.coproduced.commissioning.support.FaultsProfile;
import org.coproduced.commissioning.support.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Camunda's own cluster model: two nodes of the application, each with its job executor, on one
 * PostgreSQL. People's requests alternate between the nodes; timers and asynchronous steps are
 * picked up by whichever node's job executor gets there first.
 */
@FaultsProfile
class TwoNodeClusterTest {

  static final int CYCLES = 20;

  @TempDir static Path temp;
  static ClusterDatabase database;
  static GreenMail mail;
  static ClusterNode nodeA;
  static ClusterNode nodeB;
  static JdbcClient jdbc;

  @BeforeAll
  static void startCluster() {
    database = new ClusterDatabase(temp.resolve("postgres"));
    mail = new GreenMail(new ServerSetup(ClusterDatabase.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    nodeA = ClusterNode.start("node-a", database.jdbcUrl(), mail.getSmtp().getPort(), 10_000);
    nodeB = ClusterNode.start("node-b", database.jdbcUrl(), mail.getSmtp().getPort(), 10_000);
    jdbc = JdbcClient.create(database.dataSource());
  }

  @AfterAll
  static void stopCluster() {
    ClusterNodeConfiguration.REVIEWS_MEET.set(null);
    for (AutoCloseable part : new AutoCloseable[] {nodeB, nodeA}) {
      try {
        if (part != null) {
          part.close();
        }
      } catch (Exception ignored) {
        // the next part still stops
      }
    }
    if (mail != null) {
      mail.stop();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void twentyCyclesAcrossTwoNodesRunEveryJobOnceAndLoseNoTaskCompletion() throws Exception {
    ProcessEngine[] engines = {nodeA.engine(), nodeB.engine()};
    CycleCancellation[] cancellations = {nodeA.bean(CycleCancellation.class), nodeB.bean(CycleCancellation.class)};
    ExecutorService people = Executors.newFixedThreadPool(4);
    long started = System.nanoTime();
    List<Future<CycleRun>> runs = new ArrayList<>();
    for (int i = 0; i < CYCLES; i++) {
      int n = i;
      runs.add(people.submit(() -> {
        AlternatingDriver driver = new AlternatingDriver(n, engines);
        String bk = ClusterWork.throughAnalyse(driver, "Cluster cycle " + n);
        ClusterWork.stopAndGiveFeedback(driver, cancellations[(n + 1) % 2], bk);
        HistoricProcessInstance ended = ClusterWork.awaitEnded(engines[n % 2], bk, Duration.ofSeconds(120));
        return new CycleRun(bk, ended.getId(), driver.submitted());
      }));
    }
    List<CycleRun> cycles = new ArrayList<>();
    for (Future<CycleRun> run : runs) {
      cycles.add(run.get(10, TimeUnit.MINUTES));
    }
    people.shutdown();
    long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

    ProcessEngine engine = nodeA.engine();
    for (CycleRun cycle : cycles) {
      List<String> instances = ClusterWork.instanceTree(engine, cycle.processInstanceId());
      assertThat(ClusterWork.completedTasks(engine, instances)).as("completed tasks of cycle %s", cycle.businessKey())
          .isEqualTo(cycle.submitted());
      for (String activity : ClusterWork.JOB_ACTIVITIES) {
        assertThat(ClusterWork.finishedActivities(engine, instances, activity))
            .as("%s in cycle %s", activity, cycle.businessKey()).isEqualTo(1);
        assertThat(jobRuns(cycle.processInstanceId(), activity)).as("committed runs of %s in cycle %s", activity,
            cycle.businessKey()).isEqualTo(1);
      }
      assertThat(jdbc.sql("SELECT status FROM cc_cycle WHERE id = ?").param(Long.parseLong(cycle.businessKey()))
          .query(String.class).single()).isEqualTo("CANCELLED");
    }
    List<String> rootIds = cycles.stream().map(CycleRun::processInstanceId).toList();
    Map<String, Long> jobsPerNode = new java.util.TreeMap<>();
    Map<String, Long> otherJobRuns = new java.util.TreeMap<>();
    jdbc.sql("SELECT node, root_instance_id, activity_id, job_id FROM cluster_job_run").query((rs, row) -> {
      if (rootIds.contains(rs.getString(2))) {
        if (ClusterWork.JOB_ACTIVITIES.contains(rs.getString(3))) {
          jobsPerNode.merge(rs.getString(1), 1L, Long::sum);
        } else {
          otherJobRuns.merge(rs.getString(3) + " job " + rs.getString(4), 1L, Long::sum);
        }
      }
      return null;
    }).list();
    int expectedJobs = ClusterWork.JOB_ACTIVITIES.size() * CYCLES;
    assertThat(jobsPerNode).as("jobs run by each node").containsOnlyKeys("node-a", "node-b");
    assertThat(jobsPerNode.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(expectedJobs);
    // Other jobs, such as the reminder before the session (due at once here, as sessions are seconds
    // away, so it may lose the race to the session itself): none ever runs twice.
    assertThat(otherJobRuns).as("runs of each other job").allSatisfy((job, count) ->
        assertThat(count).as(job).isEqualTo(1L));
    ClusterWork.assertNothingStuck(engine);
    System.out.printf("CLUSTER: %d cycles, %d task completions, %d jobs %s and %d others, %d s%n", CYCLES,
        cycles.stream().mapToInt(CycleRun::submitted).sum(), expectedJobs, jobsPerNode, otherJobRuns.size(), seconds);
  }

  @Test
  void twoExpertsReviewingAtTheSameMomentOnTwoNodesBothCount() throws Exception {
    AlternatingDriver driver = new AlternatingDriver(0, nodeA.engine(), nodeB.engine());
    String bk = ClusterWork.throughAnalyse(driver, "Reviews at the same moment");
    passGateWithTheJobExecutor(driver, bk);
    driver.draftSpecification(bk, null);
    List<Task> reviews = driver.tasks(bk, "Activity_ReviewSpecification");
    assertThat(reviews).hasSizeGreaterThanOrEqualTo(2);

    ClusterNodeConfiguration.REVIEWS_MEET.set(new CountDownLatch(2));
    WebSession[] browsers = {
        new WebSession(nodeA.url("")).signIn("tasklist", reviews.get(0).getAssignee(), "demo"),
        new WebSession(nodeB.url("")).signIn("tasklist", reviews.get(1).getAssignee(), "demo")};
    String approve = "{\"specificationDecision\":{\"value\":\"approve\",\"type\":\"String\"}}";
    ExecutorService experts = Executors.newFixedThreadPool(2);
    List<Future<List<HttpResponse<String>>>> answers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      WebSession browser = browsers[i];
      String taskId = reviews.get(i).getId();
      answers.add(experts.submit(() -> {
        // A person who is asked to submit again does so, as often as they are asked.
        List<HttpResponse<String>> seen = new ArrayList<>();
        HttpResponse<String> answer = browser.submitInTasklist(taskId, approve);
        seen.add(answer);
        while (answer.statusCode() == 409 && seen.size() < 5) {
          answer = browser.submitInTasklist(taskId, approve);
          seen.add(answer);
        }
        return seen;
      }));
    }
    List<HttpResponse<String>> first = answers.get(0).get(2, TimeUnit.MINUTES);
    List<HttpResponse<String>> second = answers.get(1).get(2, TimeUnit.MINUTES);
    experts.shutdown();
    ClusterNodeConfiguration.REVIEWS_MEET.set(null);

    List<HttpResponse<String>> all = new ArrayList<>(first);
    all.addAll(second);
    List<HttpResponse<String>> conflicts = all.stream().filter(r -> r.statusCode() == 409).toList();
    assertThat(conflicts).as("the one who lost the race is asked to submit again").hasSize(1);
    assertThat(conflicts.get(0).body()).contains(TaskCompletionConflictFilter.CHANGED_AT_THE_SAME_MOMENT)
        .doesNotContain("Exception").doesNotContain("at org.");
    assertThat(first.get(first.size() - 1).statusCode()).isEqualTo(204);
    assertThat(second.get(second.size() - 1).statusCode()).isEqualTo(204);

    long cycleId = Long.parseLong(bk);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM cc_specification_review WHERE cycle_id = ? AND decision = 'approve'")
        .param(cycleId).query(Long.class).single()).as("reviews recorded").isEqualTo(2);
    driver.reviewSpecification(bk, "approve");
    assertThat(driver.tasks(bk, "Activity_ReviewSpecification")).isEmpty();
    assertThat(driver.tasks(bk, "Activity_PublishTender")).as("the cycle moved on to the tender").hasSize(1);
  }

  @Test
  void aTaskSubmittedAgainFromASecondTabIsToldItIsDoneAndChangesNothing() {
    AlternatingDriver driver = new AlternatingDriver(1, nodeA.engine(), nodeB.engine());
    String bk = driver.startCycle("Two tabs").getBusinessKey();
    Task plan = driver.task(bk, "Activity_AgreeInvolvementPlan");
    String form = "{\"sharedPurpose\":{\"value\":\"%s\"},\"rolesAgreed\":{\"value\":\"Experts co-design.\"},"
        + "\"recompenseOffer\":{\"value\":\"choice\"},\"planAgreed\":{\"value\":true}}";
    WebSession firstTab = new WebSession(nodeA.url("")).signIn("tasklist", CycleDriver.COORDINATOR, "demo");
    WebSession secondTab = new WebSession(nodeB.url("")).signIn("tasklist", CycleDriver.COORDINATOR, "demo");

    HttpResponse<String> done = firstTab.submitInTasklist(plan.getId(), form.formatted("Design the service together."));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    long variableUpdates = nodeA.engine().getHistoryService().createHistoricDetailQuery()
        .processInstanceId(plan.getProcessInstanceId()).count();

    HttpResponse<String> again = secondTab.submitInTasklist(plan.getId(), form.formatted("Something else entirely."));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains(TaskCompletionConflictFilter.ALREADY_COMPLETED).doesNotContain("at org.");
    HttpResponse<String> rest = secondTab.submitThroughRest(plan.getId(), form.formatted("Through the API."),
        CycleDriver.COORDINATOR, "demo");
    assertThat(rest.statusCode()).isEqualTo(409);
    assertThat(rest.body()).contains(TaskCompletionConflictFilter.ALREADY_COMPLETED);

    assertThat(jdbc.sql("SELECT shared_purpose FROM cc_cycle WHERE id = ?").param(Long.parseLong(bk))
        .query(String.class).single()).isEqualTo("Design the service together.");
    assertThat(nodeA.engine().getHistoryService().createHistoricDetailQuery()
        .processInstanceId(plan.getProcessInstanceId()).count()).as("nothing written by the second tab")
        .isEqualTo(variableUpdates);
  }

  @Test
  void aSignInOnOneNodeCarriesOnOnTheOtherAndOutlivesARestart() {
    AlternatingDriver driver = new AlternatingDriver(0, nodeA.engine(), nodeB.engine());
    String before = driver.startCycle("Signed in on one node").getBusinessKey();
    String after = driver.startCycle("Signed in before a restart").getBusinessKey();
    String form = "{\"sharedPurpose\":{\"value\":\"Design it together.\"},\"rolesAgreed\":{\"value\":\"Experts co-design.\"},"
        + "\"recompenseOffer\":{\"value\":\"choice\"},\"planAgreed\":{\"value\":true}}";
    WebSession onA = new WebSession(nodeA.url("")).signIn("tasklist", CycleDriver.COORDINATOR, "demo");

    // No sticky sessions: the same browser's next requests reach the other node.
    WebSession onB = onA.onNode(nodeB.url(""));
    assertSignedIn(onB);
    HttpResponse<String> done = onB.submitInTasklist(driver.task(before, "Activity_AgreeInvolvementPlan").getId(), form);
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);

    // A node restarted (an upgrade, a crash) signs nobody out: the sign-in is in the database.
    nodeB.close();
    nodeB = ClusterNode.start("node-b", database.jdbcUrl(), mail.getSmtp().getPort(), 10_000);
    WebSession onNewB = onA.onNode(nodeB.url(""));
    assertSignedIn(onNewB);
    HttpResponse<String> alsoDone = onNewB.submitInTasklist(
        driver.task(after, "Activity_AgreeInvolvementPlan").getId(), form);
    assertThat(alsoDone.statusCode()).as(alsoDone.body()).isEqualTo(204);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM cc_cycle WHERE id IN (?, ?) AND shared_purpose = 'Design it together.'")
        .params(Long.parseLong(before), Long.parseLong(after)).query(Long.class).single()).isEqualTo(2L);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session_attributes WHERE attribute_name = 'authenticatedUser'")
        .query(Long.class).single()).as("sign-ins kept in the shared database").isPositive();
  }

  /** The person is still signed in: Tasklist's own API and the application's pages answer them. */
  private static void assertSignedIn(WebSession browser) {
    HttpResponse<String> who = browser.get("/camunda/api/admin/auth/user/default");
    assertThat(who.statusCode()).as(who.body()).isEqualTo(200);
    assertThat(who.body()).contains(CycleDriver.COORDINATOR);
    HttpResponse<String> pool = browser.get("/app/experts");
    assertThat(pool.statusCode()).as(pool.body()).isEqualTo(200);
    assertThat(pool.body()).contains("EX-0001");
  }

  @Test
  void healthIsPublicWithoutDetailsAndCoversTheDatabaseAndMail() {
    WebSession anonymous = new WebSession(nodeA.url(""));
    HttpResponse<String> health = anonymous.get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components").doesNotContain("details");
    assertThat(anonymous.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    for (String hidden : List.of("/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/metrics")) {
      assertThat(anonymous.get(hidden).statusCode()).as(hidden).isEqualTo(404);
    }
    var registry = nodeA.bean(org.springframework.boot.actuate.health.HealthContributorRegistry.class);
    assertThat(registry.getContributor("db")).isNotNull();
    assertThat(registry.getContributor("mail")).isNotNull();

    int smtpPort = mail.getSmtp().getPort();
    mail.stop();
    try {
      HttpResponse<String> withoutMail = anonymous.get("/actuator/health");
      assertThat(withoutMail.statusCode()).isEqualTo(503);
      assertThat(withoutMail.body()).contains("\"status\":\"DOWN\"").doesNotContain("components");
    } finally {
      mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      mail.start();
    }
    assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
  }

  /** The PLAN gate, the session timer left to the job executors. */
  private static void passGateWithTheJobExecutor(AlternatingDriver driver, String bk) {
    driver.describeRequest(bk, CycleDriver.nextSessionDate(), 2);
    driver.acceptRequest(bk);
    driver.confirmExperts(bk);
    driver.acceptAllInvitations(bk);
    List<Task> records = Eventually.await("the co-design session of cycle " + bk, Duration.ofSeconds(90),
        () -> driver.tasks(bk, "Activity_RecordContribution"), tasks -> !tasks.isEmpty());
    for (Task record : records) {
      driver.submit(record, Map.of("attended", "yes", "privateContribution1", "Peer workers on every shift.",
          "hoursGiven", 2));
    }
  }

  private static long jobRuns(String rootInstanceId, String activityId) {
    return jdbc.sql("SELECT COUNT(*) FROM cluster_job_run WHERE root_instance_id = ? AND activity_id = ?")
        .params(rootInstanceId, activityId).query(Long.class).single();
  }

  record CycleRun(String businessKey, String processInstanceId, int submitted) {}
}
