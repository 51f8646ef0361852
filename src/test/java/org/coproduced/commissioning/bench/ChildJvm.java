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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started by the benchmark (the packaged application or the bare Camunda starter), its
 * output in {@code target/bench/<name>.log}, stopped when closed; its log's ERROR lines go to the
 * results when it stops.
 */
final class ChildJvm implements AutoCloseable {

  private static final Duration READY_WITHIN = Duration.ofMinutes(3);

  private final Process process;
  private final int port;
  private final long started;
  private final Path log;
  private final Results results;

  private ChildJvm(Process process, int port, long started, Path log, Results results) {
    this.process = process;
    this.port = port;
    this.started = started;
    this.log = log;
    this.results = results;
  }

  /** Starts {@code command}, which must make the JVM listen on {@code port}. */
  static ChildJvm start(String name, int port, List<String> command, Results results) throws IOException {
    Path log = Path.of("target", "bench", name + ".log");
    Files.createDirectories(log.getParent());
    long started = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    // A benchmark stopped half-way must not leave it running.
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    return new ChildJvm(process, port, started, log, results);
  }

  /** The bare Camunda starter's jar, built by the bench profile from {@code bare-camunda/}. */
  static Path bareJar() {
    Path jar = Path.of(System.getProperty("bench.bareJar", "bare-camunda/target/bare-camunda.jar"));
    if (!Files.exists(jar)) {
      throw new IllegalStateException("No bare Camunda starter at " + jar + ": run the bench profile "
          + "(./mvnw verify -Pbench), which builds it");
    }
    return jar.toAbsolutePath();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  int port() {
    return port;
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

  /**
   * Kilobytes of Java heap still in use after a full garbage collection (jcmd GC.run): what the
   * JVM holds on to, apart from the garbage of the start it has not collected yet.
   */
  long liveHeapKilobytes() throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process gc = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "GC.run").redirectErrorStream(true)
        .start();
    gc.getInputStream().readAllBytes();
    gc.waitFor();
    Process info = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "GC.heap_info")
        .redirectErrorStream(true).start();
    String out = new String(info.getInputStream().readAllBytes());
    info.waitFor();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("jcmd GC.heap_info said: " + out);
    }
    return Long.parseLong(m.group(2));
  }

  @Override
  public void close() throws InterruptedException, IOException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    results.checkLog(log);
  }
}
