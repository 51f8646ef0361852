package org.coproduced.commissioning.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.coproduced.commissioning.access.TasklistFilters;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tasklist's "My tasks" through the engine REST API on PostgreSQL, with authorization checks on
 * (and then as Tasklist loads it, against a bare Camunda starter: {@link TasklistLoad}):
 * {@code clients} people at once, each signed in (HTTP Basic) as a different expert and asking
 * for their first page of tasks the way Tasklist does (the stored filter, sorted by creation,
 * with the HAL representation that embeds assignees and process definitions), as fast as the
 * answers come, for {@code latencySeconds} after a warm-up.
 *
 * <p>The data: {@code openTasks} open tasks assigned to 200 experts, created through the engine
 * (a generated process whose multi-instance user task makes 100 tasks per instance, so each task
 * gets its identity link and its assignee's authorization like any other); and the history of
 * {@code finishedCycles} finished cycles, made by copying a finished cycle's rows in the history
 * tables with SQL ({@code INSERT ... SELECT ... generate_series}): new ids, start and end times
 * spread five minutes apart, large values (byte arrays) left out. A cycle has about 3,300
 * history rows (330 million for 100,000 cycles, more than this machine writes in the
 * benchmark's ten minutes), so every cycle gets its process instance rows and one in
 * {@value #DETAILED_EVERY} all its rows. "My tasks" reads none of them (only the runtime task,
 * identity link and authorization tables); they are there to make the database as large as a
 * busy one. The engine would need hours to run that many cycles.
 */
final class MyTasksLoad {

  static final int ASSIGNEES = 200;
  static final int TASKS_PER_INSTANCE = 100;
  static final String PASSWORD = "bench-" + Long.toString(System.nanoTime(), 36);

  /** The history of a cycle beyond its process instances: about 3,300 rows per cycle. */
  static final List<String> DETAIL_TABLES = List.of("act_hi_actinst", "act_hi_taskinst", "act_hi_varinst",
      "act_hi_detail", "act_hi_identitylink", "act_hi_op_log", "act_hi_job_log");

  /** One finished cycle in a hundred gets its whole history; every one gets its process instances. */
  static final int DETAILED_EVERY = 100;

  private MyTasksLoad() {}

  static void run(ConfigurableApplicationContext context, Scale scale, Results results) throws Exception {
    ProcessEngine engine = context.getBean(ProcessEngine.class);
    JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
    int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));

    System.out.printf("PostgreSQL: %,d open tasks for %d experts...%n", scale.openTasks(), ASSIGNEES);
    createUsers(engine.getIdentityService());
    long start = System.nanoTime();
    createOpenTasks(engine, scale.openTasks());
    double openSeconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("  %.0f s; benchexpert0 has %d tasks, sees %d%n", openSeconds,
        engine.getTaskService().createTaskQuery().taskAssignee("benchexpert0").count(),
        seenBy(engine, "benchexpert0"));

    System.out.printf("PostgreSQL: history of %,d finished cycles...%n", scale.finishedCycles());
    String template = finishedCycle(engine, context);
    start = System.nanoTime();
    Map<String, Long> copied = copyHistory(jdbc, engine, template, scale.finishedCycles(),
        Math.max(1, scale.finishedCycles() / DETAILED_EVERY));
    double historySeconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("  %.0f s: %s%n", historySeconds, copied);
    jdbc.execute("ANALYZE");
    String size = jdbc.queryForObject("SELECT pg_size_pretty(pg_database_size(current_database()))", String.class);

    String filterId = engine.getFilterService().createTaskFilterQuery().filterName(TasklistFilters.MY_TASKS)
        .singleResult().getId();
    Breakdown alone = breakdown(port, filterId);
    System.out.printf("PostgreSQL: \"My tasks\" with %d clients for %d s, then again with a second's pause "
        + "between requests...%n", scale.clients(), scale.latencySeconds());
    Latencies busy = measure(port, filterId, scale.clients(), scale.latencySeconds(), 0);
    Latencies paced = measure(port, filterId, scale.clients(), scale.latencySeconds(), 1000);

    String load = String.format("%d clients, %,d open tasks, %,d finished cycles, PostgreSQL", scale.clients(),
        engine.getTaskService().createTaskQuery().count(), scale.finishedCycles());
    results.add("\"My tasks\" via REST p50 / p95 / p99, " + load + ", no pause between requests",
        busy.summary(), "p95 under 100 ms", busy.percentile(95) < 100);
    results.add("\"My tasks\" via REST p50 / p95 / p99, same, each client pausing 1 s between requests",
        paced.summary(), "p95 under 100 ms", paced.percentile(95) < 100);
    results.add("\"My tasks\" throughput with no pause", String.format("%.0f requests/s (%,d requests, %d failed)",
        busy.count() / (double) scale.latencySeconds(), busy.count(), busy.failures() + paced.failures()));
    results.add("One client alone, median: signed-in REST call that does nothing / \"My tasks\" as JSON / "
        + "\"My tasks\" as Tasklist asks (HAL)", String.format("%.1f / %.1f / %.1f ms", alone.signInOnly(),
            alone.plain(), alone.hal()));
    results.note(String.format("\"My tasks\" data: %,d open tasks made through the engine in %.0f s; history "
        + "copied with SQL in %.0f s (rows added: %s); database %s. Each request asks for the first 15 tasks "
        + "sorted by creation, as Tasklist does.", scale.openTasks(), openSeconds, historySeconds, copied, size));

    TasklistLoad.run(context, filterId, scale, results);
  }

  private static long seenBy(ProcessEngine engine, String user) {
    engine.getIdentityService().setAuthentication(user, List.of("experts"));
    try {
      return engine.getTaskService().createTaskQuery().taskAssignee(user).count();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private static void createUsers(IdentityService identity) {
    for (int i = 0; i < ASSIGNEES; i++) {
      String id = "benchexpert" + i;
      if (identity.createUserQuery().userId(id).count() > 0) {
        continue;
      }
      User user = identity.newUser(id);
      user.setFirstName("Bench");
      user.setLastName("Expert " + i);
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.createMembership(id, "experts");
    }
  }

  private static void createOpenTasks(ProcessEngine engine, int tasks) {
    BpmnModelInstance model = Bpmn.createExecutableProcess("bench-open-tasks")
        .name("Open tasks for the benchmark")
        .camundaHistoryTimeToLive(1825)
        .startEvent()
        .userTask("Activity_BenchTask").name("A task waiting for an expert")
        .camundaAssignee("benchexpert${(offset + loopCounter) % " + ASSIGNEES + "}")
        .multiInstance().parallel().cardinality("${count}").multiInstanceDone()
        .endEvent()
        .done();
    engine.getRepositoryService().createDeployment().addModelInstance("bench-open-tasks.bpmn", model).deploy();
    for (int offset = 0; offset < tasks; offset += TASKS_PER_INSTANCE) {
      engine.getRuntimeService().startProcessInstanceByKey("bench-open-tasks",
          Map.of("offset", offset, "count", Math.min(TASKS_PER_INSTANCE, tasks - offset)));
    }
  }

  /** The business key of a finished cycle of the application's models, walking one if there is none. */
  private static String finishedCycle(ProcessEngine engine, ConfigurableApplicationContext context) {
    List<HistoricProcessInstance> finished = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("commissioning-cycle").finished().listPage(0, 1);
    if (!finished.isEmpty()) {
      return finished.get(0).getBusinessKey();
    }
    return new CycleWalker(new JavaApiSteps(engine), CycleThroughput.PLACES, new CycleWalker.SessionDates())
        .walk("commissioning-cycle", null, "Template for the history");
  }

  /**
   * Copies the cycle's process instances (the cycle and its called processes) {@code cycles}
   * times and the rest of its history {@code detailed} times; returns the rows added per table.
   */
  private static Map<String, Long> copyHistory(JdbcTemplate jdbc, ProcessEngine engine, String businessKey,
      int cycles, int detailed) {
    String root = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey).processDefinitionKey("commissioning-cycle").singleResult().getId();
    Map<String, Long> rows = new LinkedHashMap<>();
    rows.put("act_hi_procinst", copy(jdbc, "act_hi_procinst", root, cycles));
    for (String table : DETAIL_TABLES) {
      rows.put(table, copy(jdbc, table, root, detailed));
    }
    return rows;
  }

  private static long copy(JdbcTemplate jdbc, String table, String root, int copies) {
    List<Map<String, Object>> columns = jdbc.queryForList(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        table);
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (Map<String, Object> column : columns) {
      String name = (String) column.get("column_name");
      String type = (String) column.get("data_type");
      names.add(name);
      values.add(copiedValue(name, type));
    }
    long perCycle = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE root_proc_inst_id_ = ?",
        Long.class, root);
    jdbc.update("INSERT INTO " + table + " (" + String.join(", ", names) + ") SELECT " + String.join(", ", values)
        + " FROM " + table + " CROSS JOIN generate_series(1, " + copies + ") AS g WHERE root_proc_inst_id_ = ?", root);
    System.out.printf("  %s: %,d rows per cycle, %,d copies%n", table, perCycle, copies);
    return perCycle * copies;
  }

  private static final List<String> KEPT_IDS = List.of("act_id_", "failed_act_id_", "tenant_id_", "user_id_",
      "start_user_id_",
      "group_id_", "deployment_id_", "batch_id_", "org_id_");

  private static String copiedValue(String column, String type) {
    if (column.equals("business_key_")) {
      return "'history-' || g";
    }
    if (column.equals("bytearray_id_") || column.equals("job_exception_stack_id_")) {
      return "NULL";
    }
    if (type.startsWith("timestamp")) {
      return column + " - g * INTERVAL '5 minutes'";
    }
    boolean id = column.equals("id_") || column.endsWith("_id_");
    if (id && type.startsWith("character") && !column.endsWith("def_id_") && !KEPT_IDS.contains(column)) {
      // Ids are at most 64 characters; the unique part of a long one (a UUID) is at its end.
      return "CASE WHEN " + column + " IS NULL THEN NULL ELSE RIGHT(" + column + ", 57) || '~' || TO_HEX(g) END";
    }
    return column;
  }

  // ---- the load ----

  record Latencies(long[] millisTimesTen, long failures) {
    String summary() {
      return String.format("%.0f / %.0f / %.0f ms", percentile(50), percentile(95), percentile(99));
    }

    long count() {
      return millisTimesTen.length;
    }

    double percentile(int p) {
      if (millisTimesTen.length == 0) {
        return Double.NaN;
      }
      long[] sorted = millisTimesTen.clone();
      Arrays.sort(sorted);
      int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, index)] / 10.0;
    }
  }

  record Breakdown(double signInOnly, double plain, double hal) {}

  /** One client, one request at a time: what a request costs without waiting for others. */
  private static Breakdown breakdown(int port, String filterId) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String authorization = "Basic " + Base64.getEncoder()
        .encodeToString(("benchexpert0:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    URI list = URI.create("http://localhost:" + port + "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15");
    String body = "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";
    HttpRequest version = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/version"))
        .header("Authorization", authorization).GET().build();
    HttpRequest plain = HttpRequest.newBuilder(list).header("Authorization", authorization)
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    HttpRequest hal = HttpRequest.newBuilder(list).header("Authorization", authorization)
        .header("Content-Type", "application/json").header("Accept", "application/hal+json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return new Breakdown(median(http, version), median(http, plain), median(http, hal));
  }

  private static double median(HttpClient http, HttpRequest request) throws Exception {
    long[] took = new long[200];
    for (int i = -50; i < took.length; i++) {
      long start = System.nanoTime();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(request.uri() + ": " + response.statusCode() + " " + response.body());
      }
      if (i >= 0) {
        took[i] = System.nanoTime() - start;
      }
    }
    Arrays.sort(took);
    return took[took.length / 2] / 1e6;
  }

  private static Latencies measure(int port, String filterId, int clients, int seconds, long pauseMillis)
      throws Exception {
    URI uri = URI.create("http://localhost:" + port + "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15");
    String body = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
        + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";
    long warmUpUntil = System.nanoTime() + Duration.ofSeconds(Math.max(3, seconds / 5)).toNanos();
    long until = warmUpUntil + Duration.ofSeconds(seconds).toNanos();
    AtomicLong failures = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<List<Long>>> futures = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      String user = "benchexpert" + c;
      String authorization = "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
      futures.add(pool.submit(() -> {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", authorization)
            .header("Content-Type", "application/json").header("Accept", "application/hal+json")
            .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        List<Long> own = new ArrayList<>();
        boolean checked = false;
        while (System.nanoTime() < until) {
          long sent = System.nanoTime();
          HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
          long took = System.nanoTime() - sent;
          if (response.statusCode() != 200) {
            failures.incrementAndGet();
            continue;
          }
          if (!checked) {
            if (!response.body().contains("\"assignee\":\"" + user + "\"")) {
              throw new IllegalStateException(user + " sees none of their tasks: " + response.body());
            }
            checked = true;
          }
          if (sent >= warmUpUntil) {
            own.add(took / 100_000);
          }
          if (pauseMillis > 0) {
            Thread.sleep(pauseMillis);
          }
        }
        return own;
      }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> future : futures) {
      all.addAll(future.get());
    }
    pool.shutdown();
    return new Latencies(all.stream().mapToLong(Long::longValue).toArray(), failures.get());
  }
}
