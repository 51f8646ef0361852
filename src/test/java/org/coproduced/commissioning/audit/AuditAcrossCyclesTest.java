package org.coproduced.commissioning.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.coproduced.commissioning.audit.AuditReports.CycleFigures;
import org.coproduced.commissioning.audit.AuditReports.CyclePage;
import org.coproduced.commissioning.audit.AuditReports.Figures;
import org.coproduced.commissioning.audit.CoproductionEvidence.CycleEvidence;
import org.coproduced.commissioning.audit.CoproductionEvidence.FeedbackRecord;
import org.coproduced.commissioning.cycle.CycleStatus;
import org.coproduced.commissioning.support.ApplicationTest;
import org.coproduced.commissioning.support.CycleDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Years of cycles: the figures across cycles, counted by the database, equal the sum of every
 * cycle's own figures as each cycle's page computes them; and neither a page of the cycle list nor
 * the figures takes more queries when there are more cycles.
 */
@ApplicationTest
class AuditAcrossCyclesTest {

  @Autowired ProcessEngine engine;
  @Autowired AuditReports reports;
  @Autowired CoproductionEvidence evidence;
  @Autowired AcrossCycles acrossCycles;
  @Autowired CycleDecisions decisions;
  @Autowired CycleHistory history;
  @Autowired DataSource dataSource;

  @BeforeEach
  void cyclesFinishedAndRunning() {
    AuditedCycle.once(engine);
    CycleDriver driver = new CycleDriver(engine);
    // A running cycle past its first gate: contributions waiting for an answer, no feedback yet.
    String running = driver.startCycle("Still answering").getBusinessKey();
    driver.agreePlan(running);
    driver.passGate(running);
  }

  @Test
  void figuresAcrossCyclesEqualTheSumOfEachCyclesFigures() {
    List<CycleFigures> each = allPages();
    List<Long> ids = each.stream().map(CycleFigures::cycleId).toList();
    assertThat(ids).as("every cycle once, newest first").doesNotHaveDuplicates()
        .isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(reports.allCycles()).isEqualTo(each);
    Map<Long, CycleEvidence> found = evidence.of(ids);
    List<Double> days = found.values().stream().flatMap(e -> e.feedback().stream())
        .map(FeedbackRecord::daysFromDecision).filter(Objects::nonNull).toList();

    Figures figures = reports.figures();

    assertThat(figures.cycles()).isEqualTo(each.size());
    assertThat(figures.running()).isEqualTo(each.stream().filter(CycleFigures::running).count());
    assertThat(figures.completed()).isEqualTo(count(each, CycleStatus.COMPLETED));
    assertThat(figures.cancelled()).isEqualTo(count(each, CycleStatus.CANCELLED));
    assertThat(figures.feedbackMeasured()).isEqualTo(days.size()).isPositive();
    assertThat(figures.medianDaysFromDecisionToFeedback()).isEqualTo(AuditReports.median(days));
    assertThat(figures.adopted()).isEqualTo(each.stream().mapToInt(CycleFigures::adopted).sum()).isPositive();
    assertThat(figures.partly()).isEqualTo(each.stream().mapToInt(CycleFigures::partly).sum());
    assertThat(figures.notAdopted()).isEqualTo(each.stream().mapToInt(CycleFigures::notAdopted).sum());
    assertThat(figures.contributionsAnswered())
        .isEqualTo(figures.adopted() + figures.partly() + figures.notAdopted());
    assertThat(each.stream().mapToInt(CycleFigures::unanswered).sum()).as("some contributions wait for an answer")
        .isPositive();
    assertThat(figures.sessions()).isEqualTo(each.stream().mapToInt(CycleFigures::sessions).sum()).isPositive();
    assertThat(figures.sessionsWithFullNotice())
        .isEqualTo(each.stream().mapToInt(CycleFigures::sessionsWithFullNotice).sum());
  }

  @Test
  void pagesListEveryCycleOnceWithNewerAndOlderPagesBeside() {
    AuditReports twoPerPage = new AuditReports(evidence, acrossCycles, decisions, history, 2);
    List<Long> ids = new ArrayList<>();
    CyclePage page = twoPerPage.cycles(1);
    assertThat(page.newer()).isFalse();
    while (true) {
      assertThat(page.cycles()).hasSizeBetween(1, 2);
      page.cycles().forEach(c -> ids.add(c.cycleId()));
      if (!page.older()) {
        break;
      }
      page = twoPerPage.cycles(page.page() + 1);
      assertThat(page.newer()).isTrue();
    }
    assertThat(ids).isEqualTo(allPages().stream().map(CycleFigures::cycleId).toList());
    assertThat(twoPerPage.cycles(page.page() + 1).cycles()).as("past the oldest page").isEmpty();
  }

  @Test
  void queriesPerPageAndForTheFiguresDoNotGrowWithTheNumberOfCycles() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    assumeTrue(isH2(jdbc), "statements are counted with H2's query statistics; on PostgreSQL the figures are "
        + "compared with each cycle's instead");
    assertThat(allPages().size()).as("cycles to page through").isGreaterThanOrEqualTo(3);
    AuditReports onePerPage = new AuditReports(evidence, acrossCycles, decisions, history, 1);
    AuditReports threePerPage = new AuditReports(evidence, acrossCycles, decisions, history, 3);
    jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 10000");
    jdbc.execute("SET QUERY_STATISTICS TRUE");
    try {
      // Each call once first, so that the counts compare calls made alike.
      onePerPage.cycles(1);
      threePerPage.cycles(1);
      long forOne = statements(jdbc, () -> onePerPage.cycles(1));
      long forThree = statements(jdbc, () -> threePerPage.cycles(1));
      assertThat(forOne).isPositive();
      assertThat(forThree).as("a page of three cycles takes as many queries as a page of one").isEqualTo(forOne);

      long figuresBefore = statements(jdbc, reports::figures);
      CycleDriver driver = new CycleDriver(engine);
      String another = driver.startCycle("One more year").getBusinessKey();
      driver.agreePlan(another);
      driver.passGate(another);
      long figuresAfter = statements(jdbc, reports::figures);
      assertThat(figuresBefore).isPositive();
      assertThat(figuresAfter).as("the figures take as many queries with one more cycle").isEqualTo(figuresBefore);
    } finally {
      jdbc.execute("SET QUERY_STATISTICS FALSE");
    }
  }

  /** Statements run on the application's tables while the read runs (H2 counts each execution). */
  private static long statements(JdbcTemplate jdbc, Supplier<?> read) {
    long before = executed(jdbc);
    read.get();
    return executed(jdbc) - before;
  }

  private static long executed(JdbcTemplate jdbc) {
    Long executed = jdbc.queryForObject("""
        SELECT COALESCE(SUM(EXECUTION_COUNT), 0) FROM INFORMATION_SCHEMA.QUERY_STATISTICS
        WHERE LOWER(SQL_STATEMENT) LIKE '%cc\\_%' ESCAPE '\\' AND LOWER(SQL_STATEMENT) NOT LIKE '%query_statistics%'""",
        Long.class);
    return executed == null ? 0 : executed;
  }

  private static boolean isH2(JdbcTemplate jdbc) {
    return Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
        c.getMetaData().getDatabaseProductName().toLowerCase().contains("h2")));
  }

  private List<CycleFigures> allPages() {
    List<CycleFigures> all = new ArrayList<>();
    for (int number = 1; ; number++) {
      CyclePage page = reports.cycles(number);
      all.addAll(page.cycles());
      if (!page.older()) {
        return all;
      }
    }
  }

  private static long count(List<CycleFigures> cycles, CycleStatus status) {
    return cycles.stream().filter(c -> status.name().equals(c.status())).count();
  }
}
