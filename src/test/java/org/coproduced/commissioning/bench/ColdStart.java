package org.coproduced.commissioning.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Cold start and resident memory of the packaged application ({@code java -jar}, default
 * profile, default JVM settings) against a bare Camunda starter application (its own small jar,
 * built by the bench profile from {@code bare-camunda/}: the same Spring Boot and Camunda
 * versions, webapps, REST API and health endpoint, one model): the time from starting the JVM
 * until {@code /actuator/health} answers UP, and the resident set size then ({@code VmRSS} in
 * {@code /proc/<pid>/status}). The two are started in turns, each run starting with the other
 * one than the run before, so that neither always gets the warmer file cache; the figures are
 * the medians. After each of the application's starts, one whole cycle is driven through its
 * REST API as the demo users, and its memory measured again. Then the application once more, with
 * the memory settings it gets in {@code docker/compose.yaml}'s 1 GB node.
 */
final class ColdStart {

  /**
   * What the JVM sees in {@code docker/compose.yaml}'s node (a 1 GB memory limit) with the image's
   * {@code JAVA_TOOL_OPTIONS}: {@code MaxRAM} stands in for the container's limit, which is all
   * the JVM reads from it, so this runs here without a container engine.
   */
  static final List<String> IN_ONE_GIGABYTE_CONTAINER = List.of("-XX:MaxRAM=1g", "-XX:MaxRAMPercentage=50");

  static final double START_GOAL = 1.15;
  static final double MEMORY_GOAL = 1.1;

  private ColdStart() {}

  private record Ready(double seconds, long rssKilobytes, long liveHeapKilobytes) {}

  /** What one kind of start gave, run after run. */
  private record Starts(List<Double> seconds, List<Double> rss, List<Double> liveHeap) {
    Starts() {
      this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    void add(Ready ready) {
      seconds.add(ready.seconds());
      rss.add((double) ready.rssKilobytes());
      liveHeap.add((double) ready.liveHeapKilobytes());
    }
  }

  static void run(Scale scale, Results results) throws Exception {
    Path jar = jar();
    Path bareJar = ChildJvm.bareJar();
    List<Double> applicationStarts = new ArrayList<>();
    List<Double> bareStarts = new ArrayList<>();
    List<Double> applicationRss = new ArrayList<>();
    List<Double> bareRss = new ArrayList<>();
    List<Double> applicationLiveHeap = new ArrayList<>();
    List<Double> bareLiveHeap = new ArrayList<>();
    long applicationCycleRss = 0;
    double cycleSeconds = 0;
    String heapAfterCycle = "";
    for (int run = 1; run <= scale.coldStarts(); run++) {
      boolean applicationFirst = run % 2 == 1;
      System.out.printf("Cold start %d of %d: %s...%n", run, scale.coldStarts(),
          applicationFirst ? "the application, then the bare Camunda starter" : "the bare Camunda starter, then the application");
      for (boolean application : applicationFirst ? List.of(true, false) : List.of(false, true)) {
        if (!application) {
          Ready ready = bare(bareJar, run, results);
          bareStarts.add(ready.seconds());
          bareRss.add((double) ready.rssKilobytes());
          bareLiveHeap.add((double) ready.liveHeapKilobytes());
          continue;
        }
        int port = ChildJvm.freePort();
        try (ChildJvm child = ChildJvm.start("application-" + run, port,
            List.of("java", "-jar", jar.toString(), "--server.port=" + port), results)) {
          applicationStarts.add(child.awaitHealthy());
          applicationRss.add((double) child.rssKilobytes());
          applicationLiveHeap.add((double) child.liveHeapKilobytes());
          long start = System.nanoTime();
          new CycleWalker(new RestSteps(port, "demo"), CycleThroughput.PLACES, new CycleWalker.SessionDates())
              .walk("commissioning-cycle", null, "Cycle after a cold start");
          cycleSeconds = (System.nanoTime() - start) / 1e9;
          applicationCycleRss = Math.max(applicationCycleRss, child.rssKilobytes());
          heapAfterCycle = child.heap();
        }
      }
    }
    System.out.println("The application once more, as the Docker image runs it in compose's 1 GB ("
        + String.join(" ", IN_ONE_GIGABYTE_CONTAINER) + ")...");
    int port = ChildJvm.freePort();
    long containerCycleRss;
    double containerStart;
    String containerHeap;
    List<String> inContainer = new ArrayList<>(List.of("java"));
    inContainer.addAll(IN_ONE_GIGABYTE_CONTAINER);
    inContainer.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
    try (ChildJvm container = ChildJvm.start("application-1g-container", port, inContainer, results)) {
      containerStart = container.awaitHealthy();
      new CycleWalker(new RestSteps(port, "demo"), CycleThroughput.PLACES, new CycleWalker.SessionDates())
          .walk("commissioning-cycle", null, "Cycle as in a 1 GB container");
      containerCycleRss = container.rssKilobytes();
      containerHeap = container.heap();
    }
    double application = median(applicationStarts);
    double bare = median(bareStarts);
    long applicationMemory = Math.round(median(applicationRss));
    long bareMemory = Math.round(median(bareRss));
    double memoryRatio = applicationMemory / (double) bareMemory;
    results.add("Cold start to ready on a new in-memory database, application (java -jar, demo profile)", Results.seconds(application));
    results.add("Cold start to ready on a new in-memory database, bare Camunda starter (bare-camunda/, its own jar)", Results.seconds(bare));
    results.add("Cold start, application ÷ bare starter", String.format("%.2f×", application / bare),
        String.format("at most %.2f×", START_GOAL), application / bare <= START_GOAL);
    results.add("Resident memory when ready: application / bare starter",
        Results.megabytes(applicationMemory) + " / " + Results.megabytes(bareMemory));
    results.add("Resident memory when ready, application ÷ bare starter", String.format("%.2f×", memoryRatio),
        String.format("at most %.2f×", MEMORY_GOAL), memoryRatio <= MEMORY_GOAL);
    results.add("Java heap in use after a full garbage collection when ready: application / bare starter",
        Results.megabytes(Math.round(median(applicationLiveHeap))) + " / "
            + Results.megabytes(Math.round(median(bareLiveHeap))));
    productionLike(jar, bareJar, scale, results);
    results.add("Resident memory after one cycle, application (default profile)",
        Results.megabytes(applicationCycleRss), "at most 600 MB", applicationCycleRss <= 600 * 1024);
    results.add("Resident memory after one cycle, application as the Docker image runs it in a 1 GB container "
        + "(ready in " + Results.seconds(containerStart) + ")", Results.megabytes(containerCycleRss), "at most 600 MB",
        containerCycleRss <= 600 * 1024);
    results.note(String.format("Cold starts, in turns: application %s, bare starter %s (medians of %d; ready = "
        + "/actuator/health says UP); resident memory when ready: application %s, bare starter %s; default JVM "
        + "settings (G1, heap up to a quarter of the memory); the cycle after the start took %.1f s over the REST "
        + "API; the application's Java heap after it: %s. In a 1 GB container (%s: the memory the JVM sizes itself "
        + "by, and the image's heap share) the heap after a cycle: %s. Java heap in use after a full garbage "
        + "collection when ready: application %s, bare starter %s.",
        secondsList(applicationStarts), secondsList(bareStarts), scale.coldStarts(), megabytesList(applicationRss),
        megabytesList(bareRss), cycleSeconds, heapAfterCycle, String.join(" ", IN_ONE_GIGABYTE_CONTAINER),
        containerHeap, megabytesList(applicationLiveHeap), megabytesList(bareLiveHeap)));
  }

  /**
   * Restarts as in production: no demo data, on a database that already holds everything (the
   * schema, the application's tables, the deployed models), so that a start migrates and deploys
   * nothing. Each gets an H2 database in a file of its own, made by one start that is not timed;
   * then the two start in turns. Both create the administrator if missing, as a first production
   * start must. The application's mail health check is off: no mail server runs here.
   */
  private static void productionLike(Path jar, Path bareJar, Scale scale, Results results) throws Exception {
    Path databases = Files.createDirectories(Path.of("target", "bench", "restart-databases")).toAbsolutePath();
    try (var old = Files.list(databases)) {
      for (Path file : old.toList()) {
        Files.delete(file);
      }
    }
    Starts application = new Starts();
    Starts bare = new Starts();
    for (int run = 0; run <= scale.coldStarts(); run++) {
      boolean applicationFirst = run % 2 == 1;
      if (run > 0) {
        System.out.printf("Restart on a database already set up %d of %d...%n", run, scale.coldStarts());
      } else {
        System.out.println("Setting up a database for each of the two (starts not timed)...");
      }
      for (boolean isApplication : applicationFirst ? List.of(true, false) : List.of(false, true)) {
        int port = ChildJvm.freePort();
        List<String> command = new ArrayList<>(List.of("java", "-jar",
            (isApplication ? jar : bareJar).toString(), "--server.port=" + port,
            "--spring.datasource.url=jdbc:h2:file:" + databases.resolve(isApplication ? "application" : "bare"),
            "--camunda.bpm.admin-user.id=admin", "--camunda.bpm.admin-user.password=" + UUID.randomUUID()));
        if (isApplication) {
          // Spring's own default profile instead of the demo: no demo users, pool or mail server.
          command.addAll(List.of("--spring.profiles.default=default", "--management.health.mail.enabled=false",
              "--coproduction.security.secure-cookies=false"));
        }
        String name = (isApplication ? "application" : "bare-camunda") + "-restart-" + run;
        try (ChildJvm child = ChildJvm.start(name, port, command, results)) {
          double seconds = child.awaitHealthy();
          long rss = child.rssKilobytes();
          if (run > 0) {
            (isApplication ? application : bare).add(new Ready(seconds, rss, child.liveHeapKilobytes()));
          }
        }
      }
    }
    double ratio = median(application.seconds()) / median(bare.seconds());
    double memoryRatio = median(application.rss()) / median(bare.rss());
    results.add("Restart to ready on a database already set up, no demo data: application / bare starter",
        Results.seconds(median(application.seconds())) + " / " + Results.seconds(median(bare.seconds())));
    results.add("Restart, application ÷ bare starter", String.format("%.2f×", ratio),
        String.format("at most %.2f×", START_GOAL), ratio <= START_GOAL);
    results.add("Resident memory when ready after that restart: application / bare starter",
        Results.megabytes(Math.round(median(application.rss()))) + " / "
            + Results.megabytes(Math.round(median(bare.rss()))));
    results.add("Resident memory when ready after that restart, application ÷ bare starter",
        String.format("%.2f×", memoryRatio), String.format("at most %.2f×", MEMORY_GOAL), memoryRatio <= MEMORY_GOAL);
    results.note(String.format("Restarts on a database already set up (H2 in a file, one each; no migration, no "
        + "deployment, no demo data; the application with Spring's default profile instead of the demo), in turns: "
        + "application %s, bare starter %s; resident memory application %s, bare starter %s; Java heap in use "
        + "after a full garbage collection application %s, bare starter %s.", secondsList(application.seconds()),
        secondsList(bare.seconds()), megabytesList(application.rss()), megabytesList(bare.rss()),
        megabytesList(application.liveHeap()), megabytesList(bare.liveHeap())));
  }

  /** Starts the bare Camunda starter on its in-memory H2 and stops it once it is ready. */
  private static Ready bare(Path bareJar, int run, Results results) throws Exception {
    int port = ChildJvm.freePort();
    try (ChildJvm bare = ChildJvm.start("bare-camunda-" + run, port, List.of("java", "-jar", bareJar.toString(),
        "--server.port=" + port,
        "--camunda.bpm.admin-user.id=admin", "--camunda.bpm.admin-user.password=" + UUID.randomUUID()), results)) {
      double seconds = bare.awaitHealthy();
      long rss = bare.rssKilobytes();
      return new Ready(seconds, rss, bare.liveHeapKilobytes());
    }
  }

  static Path jar() throws IOException {
    String given = System.getProperty("bench.jar");
    if (given != null && Files.exists(Path.of(given))) {
      return Path.of(given).toAbsolutePath();
    }
    try (var files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.toString().endsWith(".jar")).findFirst().map(Path::toAbsolutePath)
          .orElseThrow(() -> new IllegalStateException("No packaged application in target/: run ./mvnw package first"));
    }
  }

  private static String secondsList(List<Double> seconds) {
    return seconds.stream().map(v -> String.format("%.1f s", v)).toList().toString();
  }

  private static String megabytesList(List<Double> kilobytes) {
    return kilobytes.stream().map(v -> Results.megabytes(Math.round(v))).toList().toString();
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
