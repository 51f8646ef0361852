package org.coproduced.commissioning.bench;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.coproduced.commissioning.experts.ContactChannel;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.experts.LivedExperienceAreas;
import org.coproduced.commissioning.experts.NewExpert;
import org.coproduced.commissioning.involvement.InvolvementRequest;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.matching.MatchingService;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.coproduced.commissioning.support.CycleDriver;
import org.coproduced.commissioning.support.WebSession;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Years of use on PostgreSQL: the auditors' pages, the pool page, the proposal page and one
 * matching run with 1,000 finished cycles and 500 experts in the pool (50 and 100 at the small size).
 *
 * <p>The data: {@value #WALKED} cycles walked from start form to end through the engine and the
 * application's own services, as in the cycle benchmark; then {@code experts} experts added
 * through the application's expert repository (as onboarding's last step adds them); then the
 * walked cycles copied with SQL until there are {@code cycles}: every row of theirs in the
 * application's tables (cycle, gates, invitations, contributions, feedback, tender, bids, scores,
 * recompense, public page) with ids moved by a multiple of {@value #STEP}, and every row of their
 * history in the engine's history tables (process instances, activities, tasks, variables, details,
 * identity links, operation log, job log) with new ids, large values (byte arrays) left out. Each
 * copy is moved two days further into the past, so the cycles span years. Walking a thousand
 * cycles would take the engine about twenty minutes; the copies are the same rows it writes.
 *
 * <p>Then each page is asked for over HTTP, signed in as the person who reads it (the auditor in
 * Cockpit, a coordinator for the pool and the proposal), {@value #TIMES} times after
 * {@value #WARM_UP} warm-ups; the matching run is timed as the proposal task's delegate calls it.
 */
final class YearsOfUse {

  static final int WALKED = 2;
  static final long STEP = 1_000_000L;
  static final int TIMES = 20;
  static final int WARM_UP = 3;

  /** The application's tables of a cycle, in the order their references allow, with the rows that are the cycle's. */
  private static final Map<String, String> CYCLE_ROWS = new LinkedHashMap<>();

  static {
    String requests = "SELECT id FROM cc_involvement_request WHERE cycle_id IN (%1$s)";
    CYCLE_ROWS.put("cc_cycle", "id IN (%1$s)");
    CYCLE_ROWS.put("cc_specification_review", "cycle_id IN (%1$s)");
    CYCLE_ROWS.put("cc_specification_answer",
        "review_id IN (SELECT id FROM cc_specification_review WHERE cycle_id IN (%1$s))");
    CYCLE_ROWS.put("cc_mediation_meeting", "cycle_id IN (%1$s)");
    CYCLE_ROWS.put("cc_involvement_request", "cycle_id IN (%1$s)");
    CYCLE_ROWS.put("cc_invitation", "request_id IN (" + requests + ")");
    CYCLE_ROWS.put("cc_contribution", "cycle_id IN (%1$s)");
    CYCLE_ROWS.put("cc_feedback", "cycle_id IN (%1$s)");
    CYCLE_ROWS.put("cc_bid", "cycle_id IN (%1$s)");
    CYCLE_ROWS.put("cc_tender", "cycle_id IN (%1$s)");
    CYCLE_ROWS.put("cc_interest_declaration", "cycle_id IN (%1$s)");
    CYCLE_ROWS.put("cc_bid_score", "bid_id IN (SELECT id FROM cc_bid WHERE cycle_id IN (%1$s))");
    CYCLE_ROWS.put("cc_recompense", "cycle_id IN (%1$s) OR request_id IN (" + requests + ")");
    CYCLE_ROWS.put("cc_award_explanation", "cycle_id IN (%1$s)");
    CYCLE_ROWS.put("cc_public_summary", "cycle_id IN (%1$s)");
    CYCLE_ROWS.put("cc_public_contribution",
        "summary_id IN (SELECT id FROM cc_public_summary WHERE cycle_id IN (%1$s))");
    CYCLE_ROWS.put("cc_public_event", "cycle_id IN (%1$s)");
  }

  /** Ids that point outside the cycle's rows and so stay as they are. */
  private static final List<String> SHARED_IDS = List.of("expert_id", "target_id", "message_id");

  private YearsOfUse() {}

  static void run(ConfigurableApplicationContext context, Scale scale, Results results) throws Exception {
    boolean full = !"small".equals(scale.name());
    int cycles = full ? 1_000 : 50;
    int pool = full ? 500 : 100;
    ProcessEngine engine = context.getBean(ProcessEngine.class);
    JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
    int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));

    System.out.printf("PostgreSQL, years of use: %d cycles walked through the engine...%n", WALKED);
    long start = System.nanoTime();
    CycleWalker walker = new CycleWalker(new JavaApiSteps(engine), CycleThroughput.PLACES,
        new CycleWalker.SessionDates());
    List<Long> walked = new ArrayList<>();
    for (int i = 0; i < WALKED; i++) {
      walked.add(Long.parseLong(walker.walk("commissioning-cycle", null, "Years of use " + (i + 1))));
    }
    double walkSeconds = (System.nanoTime() - start) / 1e9;

    start = System.nanoTime();
    int added = addExperts(context, Math.max(0, pool - count(jdbc, "cc_expert")));
    int copies = Math.max(0, (cycles - count(jdbc, "cc_cycle") + WALKED - 1) / WALKED);
    System.out.printf("  %.0f s; %d experts added; copying the walked cycles %d times...%n", walkSeconds, added,
        copies);
    Map<String, Long> rows = copyCycles(jdbc, walked, copies);
    double copySeconds = (System.nanoTime() - start) / 1e9;
    jdbc.execute("ANALYZE");
    int cyclesNow = count(jdbc, "cc_cycle");
    int expertsNow = count(jdbc, "cc_expert");
    System.out.printf("  %.0f s: %d cycles, %d experts; rows added %s%n", copySeconds, cyclesNow, expertsNow, rows);

    // A copy from the middle of the years, with its history; the walked cycle itself when there are none.
    long oneCycle = copies == 0 ? walked.get(0) : walked.get(0) + STEP * Math.max(1, copies / 2);
    long proposalRequest = openProposal(context, engine);

    WebSession auditor = new WebSession(port).signIn("cockpit", "auditor");
    WebSession coordinator = new WebSession(port).signIn("tasklist", CycleDriver.COORDINATOR);
    String size = String.format("%,d cycles, %,d experts, PostgreSQL", cyclesNow, expertsNow);
    time(results, "Auditors' overview: first page of cycles (" + size + ")", "under 500 ms", 500,
        () -> get(auditor, "/app/api/audit/cycles"));
    time(results, "Auditors' figures across all cycles", "under 500 ms", 500,
        () -> get(auditor, "/app/api/audit/figures"));
    time(results, "Auditors' overview as Cockpit loads it (first page and figures, one after the other)",
        "under 500 ms", 500, () -> {
          get(auditor, "/app/api/audit/cycles");
          return get(auditor, "/app/api/audit/figures");
        });
    time(results, "One cycle's page (history, evidence, decisions)", "under 300 ms", 300,
        () -> get(auditor, "/app/api/audit/cycles/" + oneCycle));
    time(results, "Download: every cycle's figures (coproduction-cycles.csv)", "", 0,
        () -> get(auditor, "/app/api/audit/cycles.csv"));
    time(results, "Download: hours per expert (coproduction-hours-per-expert.csv)", "", 0,
        () -> get(auditor, "/app/api/audit/experts.csv"));
    time(results, "Downloads of one cycle: contributions, sessions and recompense (three files)", "", 0, () -> {
      get(auditor, "/app/api/audit/cycles/" + oneCycle + "/contributions.csv");
      get(auditor, "/app/api/audit/cycles/" + oneCycle + "/sessions.csv");
      return get(auditor, "/app/api/audit/cycles/" + oneCycle + "/recompense.csv");
    });
    time(results, "Expert pool page (" + expertsNow + " experts)", "under 300 ms", 300,
        () -> get(coordinator, "/app/experts"));
    time(results, "Proposal page of a session (whole pool explained)", "under 300 ms", 300,
        () -> get(coordinator, "/app/requests/" + proposalRequest + "/proposal"));
    MatchingService matching = context.getBean(MatchingService.class);
    InvolvementRequest request = context.getBean(InvolvementRequestRepository.class).findById(proposalRequest)
        .orElseThrow();
    time(results, "One matching run (proposal for a session from the whole pool, in the application)",
        "under 50 ms", 50, () -> {
          matching.propose(request);
          return "";
        });
    results.note(String.format("Years of use: %d cycles walked through the engine in %.0f s; %d experts added "
        + "through the application's expert repository and the walked cycles copied %d times with SQL (new ids, "
        + "each copy two days further back) in %.0f s: rows added %s. Each figure is the median / 95th percentile "
        + "of %d requests after %d warm-ups, one at a time, signed in as the auditor (Cockpit) or a coordinator "
        + "(Tasklist); the matching run is a Java call as the proposal task's delegate makes it.", WALKED,
        walkSeconds, added, copies, copySeconds, rows, TIMES, WARM_UP));
  }

  private static int count(JdbcTemplate jdbc, String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
  }

  /** Experts with current consent, each with two areas of lived experience, as onboarding records them. */
  private static int addExperts(ConfigurableApplicationContext context, int count) {
    ExpertRepository experts = context.getBean(ExpertRepository.class);
    List<String> areas = context.getBean(LivedExperienceAreas.class).activeCodes();
    LocalDate today = ProcessClock.today();
    for (int i = 0; i < count; i++) {
      String ref = experts.nextRef();
      LinkedHashSet<String> lived = new LinkedHashSet<>(List.of(areas.get(i % areas.size()),
          areas.get((i * 7 + 3) % areas.size())));
      experts.insert(new NewExpert(ref, null, "Pool member " + ref, ref.toLowerCase() + "@example.org", null, null,
          ContactChannel.EMAIL, lived, i % 3 == 0 ? "voucher" : "payment", false, today.minusMonths(2),
          today.plusYears(1), today.minusMonths(2), today.plusYears(1), null, null, i % 2 == 0, null));
    }
    return count;
  }

  /** Copies the cycles' rows in the application's tables and their engine history {@code copies} times. */
  private static Map<String, Long> copyCycles(JdbcTemplate jdbc, List<Long> cycles, int copies) {
    Map<String, Long> rows = new LinkedHashMap<>();
    if (copies == 0) {
      return rows;
    }
    String ids = String.join(", ", cycles.stream().map(String::valueOf).toList());
    List<String> roots = jdbc.queryForList("SELECT process_instance_id FROM cc_cycle WHERE id IN (" + ids + ")",
        String.class);
    List<String> uncopied = jdbc.queryForList("""
        SELECT DISTINCT table_name FROM information_schema.columns
        WHERE table_name LIKE 'cc\\_%' AND column_name IN ('cycle_id', 'request_id')""", String.class).stream()
        .filter(table -> !CYCLE_ROWS.containsKey(table)).toList();
    if (!uncopied.isEmpty()) {
      System.out.println("  not copied (a table this benchmark does not know yet): " + uncopied);
    }
    for (Map.Entry<String, String> table : CYCLE_ROWS.entrySet()) {
      rows.put(table.getKey(), copy(jdbc, table.getKey(), String.format(table.getValue(), ids), copies, true));
    }
    String rootList = String.join(", ", roots.stream().map(root -> "'" + root.replace("'", "''") + "'").toList());
    List<String> history = new ArrayList<>(List.of("act_hi_procinst"));
    history.addAll(MyTasksLoad.DETAIL_TABLES);
    for (String table : history) {
      rows.put(table, copy(jdbc, table, "root_proc_inst_id_ IN (" + rootList + ")", copies, false));
    }
    return rows;
  }

  private static long copy(JdbcTemplate jdbc, String table, String owned, int copies, boolean application) {
    List<Map<String, Object>> columns = jdbc.queryForList(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        table);
    if (columns.isEmpty()) {
      return 0;
    }
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (Map<String, Object> column : columns) {
      String name = (String) column.get("column_name");
      String type = (String) column.get("data_type");
      names.add(name);
      values.add(application ? applicationValue(name, type) : historyValue(name, type));
    }
    return jdbc.update("INSERT INTO " + table + " (" + String.join(", ", names) + ") SELECT "
        + String.join(", ", values) + " FROM " + table + " CROSS JOIN generate_series(1, " + copies + ") AS g WHERE "
        + owned);
  }

  private static String applicationValue(String column, String type) {
    boolean id = column.equals("id") || column.endsWith("_id");
    if (id && (type.equals("bigint") || type.equals("integer")) && !SHARED_IDS.contains(column)) {
      return column + " + g * " + STEP;
    }
    if (column.equals("process_instance_id")) {
      return copiedEngineId(column);
    }
    return shifted(column, type);
  }

  /** As the "my tasks" benchmark copies history, with the business key following the cycle's new id. */
  private static String historyValue(String column, String type) {
    if (column.equals("business_key_")) {
      return "CASE WHEN business_key_ ~ '^[0-9]+$' THEN CAST(CAST(business_key_ AS BIGINT) + g * " + STEP
          + " AS VARCHAR) ELSE business_key_ END";
    }
    if (column.equals("bytearray_id_") || column.equals("job_exception_stack_id_")) {
      return "NULL";
    }
    boolean id = column.equals("id_") || column.endsWith("_id_");
    if (id && type.startsWith("character") && !column.endsWith("def_id_") && !MYTASKS_KEPT_IDS.contains(column)) {
      return copiedEngineId(column);
    }
    return shifted(column, type);
  }

  private static final List<String> MYTASKS_KEPT_IDS = List.of("act_id_", "failed_act_id_", "tenant_id_",
      "user_id_", "start_user_id_", "group_id_", "deployment_id_", "batch_id_", "org_id_");

  /** Ids are at most 64 characters; the unique part of a long one (a UUID) is at its end. */
  private static String copiedEngineId(String column) {
    return "CASE WHEN " + column + " IS NULL THEN NULL ELSE RIGHT(" + column + ", 57) || '~' || TO_HEX(g) END";
  }

  private static String shifted(String column, String type) {
    if (type.startsWith("timestamp")) {
      return column + " - g * INTERVAL '2 days'";
    }
    if (type.equals("date")) {
      return "CAST(" + column + " - g * INTERVAL '2 days' AS DATE)";
    }
    return column;
  }

  /** A new cycle at its first gate, whose experts are proposed from the whole pool; returns the request id. */
  private static long openProposal(ConfigurableApplicationContext context, ProcessEngine engine) {
    CycleDriver driver = new CycleDriver(engine);
    String bk = driver.startCycle("Years of use: a session to propose for").getBusinessKey();
    driver.agreePlan(bk);
    driver.describeRequest(bk, CycleDriver.nextSessionDate(), CycleThroughput.PLACES);
    driver.acceptRequest(bk);
    List<Long> requests = context.getBean(InvolvementRequestRepository.class).idsOfCycle(Long.parseLong(bk));
    return requests.get(requests.size() - 1);
  }

  private static String get(WebSession session, String path) {
    HttpResponse<String> response = session.get(path);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  /**
   * Times the call {@value #TIMES} times after {@value #WARM_UP} warm-ups; a goal of 0 ms means none.
   * The call returns the (last) answer's text, whose length is shown.
   */
  private static void time(Results results, String measure, String goal, double goalMillis, Supplier<String> call) {
    long[] took = new long[TIMES];
    long bytes = 0;
    for (int i = -WARM_UP; i < TIMES; i++) {
      long sent = System.nanoTime();
      String body = call.get();
      if (i >= 0) {
        took[i] = (System.nanoTime() - sent) / 100_000;
        bytes = body.length();
      }
    }
    MyTasksLoad.Latencies latencies = new MyTasksLoad.Latencies(took, 0);
    String figure = String.format("%.0f / %.0f ms", latencies.percentile(50), latencies.percentile(95))
        + (bytes > 0 ? String.format(" (%,d characters)", bytes) : "");
    System.out.printf("  %s: %s%n", measure, figure);
    if (goalMillis > 0) {
      results.add(measure + ", median / p95", figure, goal, latencies.percentile(95) < goalMillis);
    } else {
      results.add(measure + ", median / p95", figure);
    }
  }
}
