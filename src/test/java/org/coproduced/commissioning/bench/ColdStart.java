package org.coproduced.commissioning.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Cold start and resident memory of the packaged application ({@code java -jar}, default
 * profile, default JVM settings) against a bare Camunda starter application
 * ({@link BareCamundaApplication}) started from the same jar: the time from starting the JVM
 * until {@code /actuator/health} answers UP, the resident set size then ({@code VmRSS} in
 * {@code /proc/<pid>/status}), and, for the application, after one whole cycle driven through
 * its REST API as the demo users. The two are started in turns. Then the application once more,
 * with the memory settings it gets in {@code docker/compose.yaml}'s 1 GB node.
 */
final class ColdStart {

  private static final Duration READY_WITHIN = Duration.ofMinutes(3);

  /**
   * What the JVM sees in {@code docker/compose.yaml}'s node (a 1 GB memory limit) with the image's
   * {@code JAVA_TOOL_OPTIONS}: {@code MaxRAM} stands in for the container's limit, which is all
   * the JVM reads from it, so this runs here without a container engine.
   */
  static final List<String> IN_ONE_GIGABYTE_CONTAINER = List.of("-XX:MaxRAM=1g", "-XX:MaxRAMPercentage=50");

  private ColdStart() {}

  static void run(Scale scale, Results results) throws Exception {
    Path jar = jar();
    Path testClasses = Path.of("target", "test-classes").toAbsolutePath();
    List<Double> applicationStarts = new ArrayList<>();
    List<Double> bareStarts = new ArrayList<>();
    long applicationReadyRss = 0;
    long applicationCycleRss = 0;
    long bareReadyRss = 0;
    double cycleSeconds = 0;
    String heapAfterCycle = "";
    for (int run = 1; run <= scale.coldStarts(); run++) {
      System.out.printf("Cold start %d of %d: the application, then a bare Camunda starter...%n", run, scale.coldStarts());
      int port = freePort();
      try (Child application = Child.start("application-" + run, port,
          List.of("java", "-jar", jar.toString(), "--server.port=" + port))) {
        applicationStarts.add(application.awaitHealthy());
        applicationReadyRss = Math.max(applicationReadyRss, application.rssKilobytes());
        long start = System.nanoTime();
        new CycleWalker(new RestSteps(port, "demo"), CycleThroughput.PLACES, new CycleWalker.SessionDates())
            .walk("commissioning-cycle", null, "Cycle after a cold start");
        cycleSeconds = (System.nanoTime() - start) / 1e9;
        applicationCycleRss = Math.max(applicationCycleRss, application.rssKilobytes());
        heapAfterCycle = application.heap();
      }
      port = freePort();
      try (Child bare = Child.start("bare-camunda-" + run, port, List.of("java", "-cp", jar.toString(),
          "-Dloader.path=" + testClasses, "-Dloader.main=" + BareCamundaApplication.class.getName(),
          "org.springframework.boot.loader.launch.PropertiesLauncher",
          "--server.port=" + port, "--spring.config.name=bare-camunda",
          // The starter's default pattern (every *.bpmn on the class path) would also find the test
          // classes' copies of earlier releases' models, whose keys clash: deploy the same models
          // as the application instead.
          "--camunda.bpm.deployment-resource-pattern=classpath*:processes/*.bpmn,classpath*:processes/*.dmn,"
              + "classpath*:forms/*.form",
          "--camunda.bpm.admin-user.id=admin", "--camunda.bpm.admin-user.password=" + UUID.randomUUID()))) {
        bareStarts.add(bare.awaitHealthy());
        bareReadyRss = Math.max(bareReadyRss, bare.rssKilobytes());
      }
    }
    System.out.println("The application once more, as the Docker image runs it in compose's 1 GB ("
        + String.join(" ", IN_ONE_GIGABYTE_CONTAINER) + ")...");
    int port = freePort();
    long containerCycleRss;
    double containerStart;
    String containerHeap;
    List<String> inContainer = new ArrayList<>(List.of("java"));
    inContainer.addAll(IN_ONE_GIGABYTE_CONTAINER);
    inContainer.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
    try (Child container = Child.start("application-1g-container", port, inContainer)) {
      containerStart = container.awaitHealthy();
      new CycleWalker(new RestSteps(port, "demo"), CycleThroughput.PLACES, new CycleWalker.SessionDates())
          .walk("commissioning-cycle", null, "Cycle as in a 1 GB container");
      containerCycleRss = container.rssKilobytes();
      containerHeap = container.heap();
    }
    double application = median(applicationStarts);
    double bare = median(bareStarts);
    results.add("Cold start to ready, application (java -jar, default profile)", Results.seconds(application));
    results.add("Cold start to ready, bare Camunda starter (same jar)", Results.seconds(bare));
    results.add("Cold start, application ÷ bare starter", String.format("%.2f×", application / bare), "at most 1.3×",
        application / bare <= 1.3);
    results.add("Resident memory after one cycle, application (default profile)",
        Results.megabytes(applicationCycleRss), "at most 600 MB", applicationCycleRss <= 600 * 1024);
    results.add("Resident memory after one cycle, application as the Docker image runs it in a 1 GB container "
        + "(ready in " + Results.seconds(containerStart) + ")", Results.megabytes(containerCycleRss), "at most 600 MB",
        containerCycleRss <= 600 * 1024);
    results.add("Resident memory when ready: application / bare starter",
        Results.megabytes(applicationReadyRss) + " / " + Results.megabytes(bareReadyRss));
    results.note(String.format("Cold starts: application %s, bare starter %s (median of %d; ready = "
        + "/actuator/health says UP); default JVM settings (G1, heap up to a quarter of the memory); the cycle "
        + "after the start took %.1f s over the REST API; the application's Java heap after it: %s. In a 1 GB "
        + "container (%s: the memory the JVM sizes itself by, and the image's heap share) the heap after a cycle: %s.",
        secondsList(applicationStarts), secondsList(bareStarts), scale.coldStarts(), cycleSeconds, heapAfterCycle,
        String.join(" ", IN_ONE_GIGABYTE_CONTAINER), containerHeap));
  }

  private static Path jar() throws IOException {
    String given = System.getProperty("bench.jar");
    if (given != null && Files.exists(Path.of(given))) {
      return Path.of(given).toAbsolutePath();
    }
    try (var files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.toString().endsWith(".jar")).findFirst().map(Path::toAbsolutePath)
          .orElseThrow(() -> new IllegalStateException("No packaged application in target/: run ./mvnw package first"));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String secondsList(List<Double> seconds) {
    return seconds.stream().map(v -> String.format("%.1f s", v)).toList().toString();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** A JVM started by the benchmark, its output in target/bench/<name>.log, stopped when closed. */
  private static final class Child implements AutoCloseable {
    private final Process process;
    private final int port;
    private final long started;
    private final Path log;

    private Child(Process process, int port, long started, Path log) {
      this.process = process;
      this.port = port;
      this.started = started;
      this.log = log;
    }

    static Child start(String name, int port, List<String> command) throws IOException {
      Path log = Path.of("target", "bench", name + ".log");
      Files.createDirectories(log.getParent());
      long started = System.nanoTime();
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      return new Child(process, port, started, log);
    }

    /** Seconds from starting the JVM until the health endpoint says UP. */
    double awaitHealthy() throws Exception {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
      HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
          .timeout(Duration.ofSeconds(5)).GET().build();
      long deadline = started + READY_WITHIN.toNanos();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException("The process stopped before it was ready: see " + log);
        }
        try {
          HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 200 && response.body().contains("UP")) {
            return (System.nanoTime() - started) / 1e9;
          }
        } catch (IOException e) {
          // Not listening yet.
        }
        Thread.sleep(50);
      }
      throw new IllegalStateException("Not ready within " + READY_WITHIN + ": see " + log);
    }

    long rssKilobytes() throws IOException {
      return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
          .filter(line -> line.startsWith("VmRSS:")).map(line -> line.replaceAll("\\D", ""))
          .mapToLong(Long::parseLong).findFirst().orElseThrow();
    }

    /** The Java heap as the JVM reports it (jcmd GC.heap_info): reserved for it and in use. */
    String heap() throws IOException, InterruptedException {
      Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
      if (!Files.isExecutable(jcmd)) {
        return "not known (no jcmd)";
      }
      Process info = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "GC.heap_info")
          .redirectErrorStream(true).start();
      String out = new String(info.getInputStream().readAllBytes());
      info.waitFor();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(out);
      return m.find() ? String.format("%d MB committed, %d MB used", Long.parseLong(m.group(1)) / 1024,
          Long.parseLong(m.group(2)) / 1024) : "not known";
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }
}
