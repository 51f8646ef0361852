package org.coproduced.commissioning.cluster;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.coproduced.commissioning.CoproducedCommissioningApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One node of the application: the whole Spring Boot application with its own web server and job
 * executor, on the profile {@code postgres} (the database and mail server come from the same
 * settings as in production) with the demo users and the cluster-test hooks.
 */
public final class ClusterNode implements AutoCloseable {

  private final String name;
  private final ConfigurableApplicationContext context;

  private ClusterNode(String name, ConfigurableApplicationContext context) {
    this.name = name;
    this.context = context;
  }

  /** The settings every node gets: the same database, a short lock time, timers a few seconds away. */
  public static List<String> settings(String name, String jdbcUrl, int smtpPort, long lockMillis) {
    return new ArrayList<>(List.of(
        "--spring.profiles.active=postgres,demo,test,cluster-test",
        "--DATABASE_URL=" + jdbcUrl,
        "--DATABASE_USER=postgres",
        "--DATABASE_PASSWORD=postgres",
        "--DATABASE_CONNECTION_TIMEOUT_MS=3000",
        "--MAIL_HOST=127.0.0.1",
        "--MAIL_PORT=" + smtpPort,
        "--server.port=0",
        "--spring.jmx.enabled=false",
        "--cluster-test.node=" + name,
        "--camunda.bpm.job-execution.enabled=true",
        "--camunda.bpm.job-execution.lock-time-in-millis=" + lockMillis,
        "--camunda.bpm.job-execution.wait-time-in-millis=500",
        "--camunda.bpm.job-execution.max-wait=2000",
        "--camunda.bpm.job-execution.max-backoff=500",
        // Sessions are held a few seconds after the invitations close: the job executors fire the timers.
        "--coproduction.schedule.session-wait-override=PT3S",
        "--logging.level.root=WARN",
        "--logging.level.org.camunda.bpm.engine.jobexecutor=ERROR",
        "--logging.level.org.camunda.bpm.engine.context=OFF"));
  }

  public static ClusterNode start(String name, String jdbcUrl, int smtpPort, long lockMillis, String... extra) {
    List<String> args = withOverrides(settings(name, jdbcUrl, smtpPort, lockMillis), extra);
    ConfigurableApplicationContext context = new SpringApplicationBuilder(CoproducedCommissioningApplication.class)
        .run(args.toArray(String[]::new));
    return new ClusterNode(name, context);
  }

  /** The settings with each extra one replacing the setting of the same name (a repeated name would become a list). */
  static List<String> withOverrides(List<String> settings, String... extra) {
    java.util.Map<String, String> byName = new java.util.LinkedHashMap<>();
    for (String setting : settings) {
      byName.put(setting.substring(0, setting.indexOf('=')), setting);
    }
    for (String setting : extra) {
      byName.put(setting.substring(0, setting.indexOf('=')), setting);
    }
    return new ArrayList<>(byName.values());
  }

  public String name() {
    return name;
  }

  public ProcessEngine engine() {
    return context.getBean(ProcessEngine.class);
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  public boolean isRunning() {
    return context.isActive();
  }

  @Override
  public void close() {
    if (context.isActive()) {
      context.close();
    }
  }
}
