package org.coproduced.commissioning.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.coproduced.commissioning.CoproducedCommissioningApplication;
import org.coproduced.commissioning.support.WebSession;

/**
 * A node of the application in a JVM of its own, so that it can be killed abruptly (SIGKILL) in
 * the middle of a job, as a crashed machine or an out-of-memory kill would end it.
 */
public final class NodeProcess implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path log;

  private NodeProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  public static NodeProcess start(String name, String jdbcUrl, int smtpPort, long lockMillis, Path log,
      String... extra) {
    int port = ClusterDatabase.freePort();
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java"));
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(classpath());
    command.add(CoproducedCommissioningApplication.class.getName());
    List<String> overrides = new ArrayList<>(List.of(extra));
    overrides.add("--server.port=" + port);
    command.addAll(ClusterNode.withOverrides(ClusterNode.settings(name, jdbcUrl, smtpPort, lockMillis),
        overrides.toArray(String[]::new)));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      return new NodeProcess(process, port, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The test class path, each entry once (a resource found twice would be deployed twice). */
  static String classpath() {
    String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return String.join(java.io.File.pathSeparator,
        new java.util.LinkedHashSet<>(List.of(path.split(java.io.File.pathSeparator))));
  }

  /** Waits until the node answers that it is healthy. */
  public NodeProcess awaitUp(Duration limit) {
    WebSession browser = new WebSession("http://127.0.0.1:" + port);
    int status = Eventually.await("the node on port " + port + " to start", limit,
        () -> process.isAlive() ? browser.get("/actuator/health").statusCode() : -1,
        answer -> answer == 200 || answer == -1);
    if (status == -1) {
      throw new IllegalStateException("the node stopped at start with exit code " + process.exitValue()
          + "; see " + log);
    }
    return this;
  }

  /** Ends the node at once, with no chance to finish or hand back anything. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }
}
