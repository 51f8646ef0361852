package org.coproduced.commissioning.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.coproduced.commissioning.support.WebSession;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * "My tasks" as people load it: signed in to Tasklist (its login page's endpoint, session cookie
 * and CSRF token), then the calls Tasklist's scripts make to show the "My tasks" filter and open
 * its first task, through the webapp's own engine API: the filter list (a count, then the list),
 * the filter's first 15 tasks sorted by creation with the HAL representation, the first task, its
 * form and its form's variables. One sample is that whole page load.
 *
 * <p>The same calls go to the application and to a bare Camunda starter ({@code bare-camunda/},
 * started here) on the same PostgreSQL database, so with the same data, users, filters and
 * authorizations, authorization checks on for both and the job executor off for both; the two
 * are measured in turns at each number of clients. Each runs in a JVM of its own, started the same
 * way ({@code java -jar}, default JVM settings), so that neither shares its garbage collector or
 * compiler threads with the load clients: the benchmark's own copy of the application, which made
 * the data, is left idle meanwhile.
 */
final class TasklistLoad {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ENGINE = "/camunda/api/engine/engine/default";
  /** What the webapps' HTTP client accepts. */
  private static final String HAL = "application/hal+json, application/json; q=0.5";
  private static final String LIST_BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
      + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";

  static final double GOAL_RATIO = 1.1;
  static final double GOAL_P95_AT_TEN_MILLIS = 100;

  private TasklistLoad() {}

  record Target(String name, int port) {}

  static void run(ConfigurableApplicationContext context, String filterId, Scale scale, Results results)
      throws Exception {
    Environment environment = context.getEnvironment();
    List<Integer> clientCounts = List.of(1, 10, scale.clients()).stream().distinct()
        .filter(n -> n <= scale.clients()).toList();
    int most = clientCounts.get(clientCounts.size() - 1);
    int port = ChildJvm.freePort();
    int applicationPort = ChildJvm.freePort();
    List<String> sameDatabase = List.of(
        "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
        "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
        "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
        "--camunda.bpm.job-execution.enabled=false");
    List<String> bareCommand = new ArrayList<>(List.of("java", "-jar", ChildJvm.bareJar().toString(),
        "--server.port=" + port));
    bareCommand.addAll(sameDatabase);
    // The demo profile, as the benchmark's own copy runs, with the benchmark's mail server.
    List<String> applicationCommand = new ArrayList<>(List.of("java", "-jar", ColdStart.jar().toString(),
        "--server.port=" + applicationPort, "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + environment.getProperty("spring.mail.port"),
        "--coproduction.demo.mail-server-enabled=false"));
    applicationCommand.addAll(sameDatabase);
    System.out.println("PostgreSQL: the application and a bare Camunda starter on the same database, each in a JVM "
        + "of its own...");
    try (ChildJvm bareJvm = ChildJvm.start("bare-camunda-postgres", port, bareCommand, results);
        ChildJvm applicationJvm = ChildJvm.start("application-postgres", applicationPort, applicationCommand,
            results)) {
      double ready = bareJvm.awaitHealthy();
      double applicationReady = applicationJvm.awaitHealthy();
      Target bare = new Target("bare starter", port);
      Target application = new Target("application", applicationPort);
      List<WebSession> applicationSessions = signIn(application, most);
      List<WebSession> bareSessions = signIn(bare, most);
      // Both have served nothing through these paths yet: let the JIT compilers and caches settle.
      int warmUp = Math.max(5, scale.latencySeconds() / 2);
      System.out.printf("PostgreSQL: Tasklist's \"My tasks\", warming up both for %d s...%n", warmUp);
      measure(applicationSessions.subList(0, Math.min(10, most)), filterId, warmUp);
      measure(bareSessions.subList(0, Math.min(10, most)), filterId, warmUp);
      String load = String.format("%,d open tasks, %,d finished cycles, PostgreSQL, authorization on",
          context.getBean(org.camunda.bpm.engine.TaskService.class).createTaskQuery().count(), scale.finishedCycles());
      for (int i = 0; i < clientCounts.size(); i++) {
        int clients = clientCounts.get(i);
        System.out.printf("PostgreSQL: Tasklist's \"My tasks\" with %d client%s for %d s, the application and the "
            + "bare starter in turns...%n", clients, clients == 1 ? "" : "s", scale.latencySeconds());
        MyTasksLoad.Latencies app;
        MyTasksLoad.Latencies base;
        if (i % 2 == 0) {
          app = measure(applicationSessions.subList(0, clients), filterId, scale.latencySeconds());
          base = measure(bareSessions.subList(0, clients), filterId, scale.latencySeconds());
        } else {
          base = measure(bareSessions.subList(0, clients), filterId, scale.latencySeconds());
          app = measure(applicationSessions.subList(0, clients), filterId, scale.latencySeconds());
        }
        report(results, clients, load, app, base, scale.latencySeconds());
        load = "same";
      }
      results.note(String.format("Tasklist's \"My tasks\" through a signed-in session: one sample is the whole page "
          + "load (filter count and list, the filter's first 15 tasks as HAL, the first task, its form and its form's "
          + "variables: 6 requests). The bare starter (bare-camunda/: Camunda's webapps, REST API and engine, no "
          + "plugins, listeners or filters, sign-ins in memory) was ready in %.1f s on the same PostgreSQL database, "
          + "the application (sign-ins in the database, Spring Session JDBC) in %.1f s; each ran in a JVM of its own "
          + "(java -jar, default JVM settings, job executor off). The two took turns at each number of clients, "
          + "after %d s of warm-up each.", ready, applicationReady, warmUp));
    }
  }

  private static void report(Results results, int clients, String load, MyTasksLoad.Latencies app,
      MyTasksLoad.Latencies bare, int seconds) {
    String who = clients + (clients == 1 ? " client" : " clients");
    double appPerSecond = app.count() / (double) seconds;
    double barePerSecond = bare.count() / (double) seconds;
    double p95Ratio = app.percentile(95) / bare.percentile(95);
    double throughputRatio = appPerSecond / barePerSecond;
    String measure = String.format("Tasklist \"My tasks\" page load p50 / p95 / p99, %s (%s)", who, load);
    String figure = "application " + app.summary() + "; bare " + bare.summary();
    if (clients == 10) {
      results.add(measure, figure, "application p95 under 100 ms", app.percentile(95) < GOAL_P95_AT_TEN_MILLIS);
    } else {
      results.add(measure, figure);
    }
    results.add(String.format("Tasklist \"My tasks\" page loads per second, %s (%d failed)", who,
        app.failures() + bare.failures()), String.format("application %.1f; bare %.1f", appPerSecond, barePerSecond));
    results.add(String.format("Tasklist \"My tasks\", %s: p95 application ÷ bare; throughput bare ÷ application", who),
        String.format("%.2f×; %.2f×", p95Ratio, 1 / throughputRatio), String.format("both at most %.1f×", GOAL_RATIO),
        p95Ratio <= GOAL_RATIO && 1 / throughputRatio <= GOAL_RATIO);
  }

  /** One signed-in Tasklist session per expert, as each person's browser holds one. */
  private static List<WebSession> signIn(Target target, int clients) {
    List<WebSession> sessions = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      WebSession session = new WebSession(target.port());
      session.signIn("tasklist", "benchexpert" + c, MyTasksLoad.PASSWORD);
      sessions.add(session);
    }
    return sessions;
  }

  /** Each session loads "My tasks" back to back for {@code seconds} after a warm-up. */
  private static MyTasksLoad.Latencies measure(List<WebSession> sessions, String filterId, int seconds)
      throws Exception {
    long warmUpUntil = System.nanoTime() + Duration.ofSeconds(Math.max(3, seconds / 5)).toNanos();
    long until = warmUpUntil + Duration.ofSeconds(seconds).toNanos();
    AtomicLong failures = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(sessions.size());
    List<Future<List<Long>>> futures = new ArrayList<>();
    for (int c = 0; c < sessions.size(); c++) {
      WebSession session = sessions.get(c);
      String user = "benchexpert" + c;
      futures.add(pool.submit(() -> {
        List<Long> own = new ArrayList<>();
        while (System.nanoTime() < until) {
          long sent = System.nanoTime();
          boolean loaded = loadMyTasks(session, filterId, user);
          long took = System.nanoTime() - sent;
          if (!loaded) {
            failures.incrementAndGet();
            continue;
          }
          if (sent >= warmUpUntil) {
            own.add(took / 100_000);
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
    return new MyTasksLoad.Latencies(all.stream().mapToLong(Long::longValue).toArray(), failures.get());
  }

  /** The requests Tasklist's scripts send to show "My tasks" and open its first task; false if one failed. */
  private static boolean loadMyTasks(WebSession session, String filterId, String user) throws Exception {
    if (!ok(session.send("GET", ENGINE + "/filter/count?itemCount=false&resourceType=Task", null, HAL))
        || !ok(session.send("GET", ENGINE + "/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task",
            null, HAL))) {
      return false;
    }
    HttpResponse<String> list = session.send("POST", ENGINE + "/filter/" + filterId + "/list?firstResult=0&maxResults=15",
        LIST_BODY, HAL);
    if (!ok(list)) {
      return false;
    }
    JsonNode tasks = JSON.readTree(list.body()).path("_embedded").path("task");
    if (tasks.isEmpty() || !user.equals(tasks.get(0).path("assignee").asText())) {
      throw new IllegalStateException(user + " sees none of their tasks in Tasklist: " + list.body());
    }
    String task = ENGINE + "/task/" + tasks.get(0).path("id").asText();
    return ok(session.send("GET", task, null, HAL)) && ok(session.send("GET", task + "/form", null, HAL))
        && ok(session.send("GET", task + "/form-variables", null, HAL));
  }

  private static boolean ok(HttpResponse<String> response) {
    return response.statusCode() == 200;
  }
}
