package org.coproduced.commissioning.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.coproduced.commissioning.CoproducedCommissioningApplication;
import org.coproduced.commissioning.notification.TestMailServer;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How fast the application is and what it costs, printed as a table (and saved to
 * {@code target/bench/results.md}); it asserts nothing about time. Run with
 *
 * <pre>
 * ./mvnw verify -Pbench                       # full sizes, about ten minutes on 2 cores
 * ./mvnw verify -Pbench -Dbench.scale=small   # a quick check
 * </pre>
 *
 * <p>{@code -Dbench.only=cycles,feedback,mytasks,years,coldstart,modelcheck} runs some parts only. The
 * parts:
 * <ul>
 *   <li>whole cycles per second through the Java API (5 experts at each gate, 3 bids), on H2 and
 *       on PostgreSQL, against bare copies of the models in the same process: the application's
 *       overhead ({@link CycleThroughput});</li>
 *   <li>feedback to many contributors: the time from the plain-English check until the mail
 *       server holds one message for each of them ({@link FeedbackFanOut});</li>
 *   <li>Tasklist's "My tasks" under concurrent clients on PostgreSQL with open tasks and finished
 *       cycles' history, through the REST API and as Tasklist loads it with a signed-in session,
 *       the latter against a bare Camunda starter on the same database ({@link MyTasksLoad});</li>
 *   <li>years of use: the auditors' pages, the pool and proposal pages and a matching run with a
 *       thousand finished cycles and 500 experts on PostgreSQL ({@link YearsOfUse});</li>
 *   <li>cold start and resident memory of the packaged application against a bare Camunda
 *       starter application, built from {@code bare-camunda/} ({@link ColdStart});</li>
 *   <li>the deployment-time model check ({@code modelcheck.ModelCheckBenchmark}).</li>
 * </ul>
 *
 * <p>The applications it runs must log no ERROR: the lines are listed and the run fails.
 */
public final class Benchmark {

  private static final Set<String> PARTS = Set.of("cycles", "feedback", "mytasks", "years", "coldstart",
      "modelcheck");

  private static final GreenMail MAIL_SERVER =
      new GreenMail(new ServerSetup(TestMailServer.PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  /** Where the applications run in this process report what they log at level ERROR. */
  private static Results IN_PROCESS_ERRORS;

  private Benchmark() {}

  public static void main(String[] args) {
    try {
      run();
    } catch (Throwable failure) {
      // The mail server and the applications' threads would keep the JVM, and so the build, waiting.
      failure.printStackTrace();
      System.exit(1);
    }
  }

  private static void run() throws Exception {
    Scale scale = Scale.fromSystemProperties();
    Set<String> only = Arrays.stream(System.getProperty("bench.only", String.join(",", PARTS)).split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    Results results = new Results();
    IN_PROCESS_ERRORS = results;
    String machine = machine();
    System.out.println("Benchmark at " + scale.name() + " size on " + machine);
    long started = System.nanoTime();

    // A real SMTP server for the applications below: feedback messages are counted there.
    MAIL_SERVER.start();
    if (only.contains("cycles") || only.contains("feedback")) {
      try (ConfigurableApplicationContext h2 = application("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1", "sa")) {
        ProcessEngine engine = h2.getBean(ProcessEngine.class);
        if (only.contains("cycles")) {
          cycles(results, "H2", engine, scale);
        }
        if (only.contains("feedback")) {
          feedback(results, "H2", h2, scale);
        }
      }
    }
    if (only.contains("cycles") || only.contains("feedback") || only.contains("mytasks") || only.contains("years")) {
      java.io.File log = Path.of("target", "bench", "postgres.log").toFile();
      Files.createDirectories(log.toPath().getParent());
      try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log))
          .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log))
          .setServerConfig("shared_buffers", "512MB")
          .setServerConfig("max_connections", "100")
          .setServerConfig("log_min_duration_statement", System.getProperty("bench.pglog", "-1"))
          .start()) {
        try (ConfigurableApplicationContext pg = application(postgres.getJdbcUrl("postgres", "postgres"), "postgres")) {
          ProcessEngine engine = pg.getBean(ProcessEngine.class);
          if (only.contains("cycles")) {
            cycles(results, "PostgreSQL", engine, scale);
          }
          if (only.contains("feedback")) {
            feedback(results, "PostgreSQL", pg, scale);
          }
          if (only.contains("mytasks")) {
            MyTasksLoad.run(pg, scale, results);
          }
          if (only.contains("years")) {
            YearsOfUse.run(pg, scale, results);
          }
        }
      }
    }
    if (only.contains("coldstart")) {
      ColdStart.run(scale, results);
    }
    if (only.contains("modelcheck")) {
      ModelCheck.run(results);
    }

    results.note(String.format("Machine: %s. Sizes: %s. Whole run: %.0f s.", machine, scale,
        (System.nanoTime() - started) / 1e9));
    String table = results.markdown();
    System.out.println();
    System.out.println(table);
    results.save("# Benchmark, " + java.time.LocalDate.now());
    System.out.println("Saved to " + Results.FILE);
    if (!results.errors().isEmpty()) {
      System.out.println("The applications the benchmark ran logged ERROR lines:");
      results.errors().forEach(line -> System.out.println("  " + line));
      System.exit(1);
    }
    System.exit(0);
  }

  private static void cycles(Results results, String database, ProcessEngine engine, Scale scale) {
    System.out.printf("%s: %d + %d warm-up cycles of the application's models and of their bare copies...%n",
        database, scale.cycles(), scale.warmUpCycles());
    CycleThroughput.Result r = CycleThroughput.run(engine, scale.warmUpCycles(), scale.cycles());
    results.add("Whole cycles per second, application (" + database + ")", String.format("%.2f /s (%.2f s each)",
        r.applicationPerSecond(), r.applicationSeconds() / r.cycles()));
    results.add("Whole cycles per second, bare models (" + database + ")", String.format("%.2f /s (%.2f s each)",
        r.barePerSecond(), r.bareSeconds() / r.cycles()));
    results.add("Application overhead (" + database + ")", String.format("%.2f×", r.overhead()), "at most 1.25×",
        r.overhead() <= 1.25);
    results.note(String.format("%s cycles: %.0f user tasks per cycle with the application's models, %.0f with "
        + "the bare copies (multi-instance counts %s); variable and activity history rows per cycle: %,d with the "
        + "application, %,d bare.", database, r.applicationTasksPerCycle(), r.bareTasksPerCycle(), r.cardinalities(),
        r.applicationHistoryRows(), r.bareHistoryRows()));
  }

  private static void feedback(Results results, String database, ConfigurableApplicationContext context,
      Scale scale) throws Exception {
    System.out.printf("%s: feedback to %d contributors...%n", database, scale.contributors());
    FeedbackFanOut.Result r = FeedbackFanOut.run(context, MAIL_SERVER, scale.contributors());
    results.add(String.format("Feedback to %,d contributors until the mail server holds one message each (%s)",
        scale.contributors(), database), Results.seconds(r.sendSeconds()), "under 30 s", r.sendSeconds() < 30);
    results.note(String.format("%s feedback: %,d messages at the mail server, one per contributor, sent by %d "
        + "threads running the delivery jobs; every message and Tasklist task (%,d) was decided %.2f s after the "
        + "plain-English check; answering the %,d contributions beforehand took %.1f s.", database, r.messages(),
        FeedbackFanOut.SENDERS, r.acknowledgements(), r.deliverySeconds(), scale.contributors(), r.answerSeconds()));
  }

  /** The application on a database, as the tests run it: demo users, job executor off, a random port. */
  static ConfigurableApplicationContext application(String jdbcUrl, String user) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.datasource.url=" + jdbcUrl,
        "--spring.datasource.username=" + user,
        "--spring.datasource.password=",
        "--server.port=0",
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + MAIL_SERVER.getSmtp().getPort(),
        "--spring.main.banner-mode=off",
        "--logging.level.root=WARN",
        "--logging.level.org.camunda=ERROR"));
    ConfigurableApplicationContext context = new SpringApplicationBuilder(CoproducedCommissioningApplication.class)
        .profiles("demo", "test")
        .run(args.toArray(String[]::new));
    watchErrors();
    return context;
  }

  /**
   * Counts what is logged at level ERROR in this process from now on. Spring Boot configures
   * logging anew when an application starts, so this is called after each start.
   */
  private static void watchErrors() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    AppenderBase<ILoggingEvent> errors = new AppenderBase<>() {
      @Override
      protected void append(ILoggingEvent event) {
        if (event.getLevel().isGreaterOrEqual(Level.ERROR) && IN_PROCESS_ERRORS != null) {
          IN_PROCESS_ERRORS.recordError("benchmark process: " + event.getLoggerName() + " " + event.getFormattedMessage());
        }
      }
    };
    errors.setName("benchmark-errors");
    errors.setContext(root.getLoggerContext());
    errors.start();
    root.detachAppender("benchmark-errors");
    root.addAppender(errors);
  }

  static String machine() {
    long memoryKb = 0;
    try {
      memoryKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
          .map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong).findFirst().orElse(0);
    } catch (java.io.IOException e) {
      // Not Linux: the memory is left out.
    }
    return String.format("%d cores, %.0f GiB memory, Java %s, %s", Runtime.getRuntime().availableProcessors(),
        memoryKb / 1024.0 / 1024.0, System.getProperty("java.version"),
        ManagementFactory.getOperatingSystemMXBean().getName());
  }
}
