package org.coproduced.commissioning.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.coproduced.commissioning.support.ApplicationTest;
import org.coproduced.commissioning.support.CycleDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every model keeps its history for a set time; the engine's history cleanup removes a finished
 * cycle's history once that time has passed, and the application's records of the cycle follow.
 */
@ApplicationTest
class HistoryTimeToLiveTest {

  private static final int TIME_TO_LIVE_DAYS = 1825;

  @Autowired ProcessEngine engine;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired ProcessEngineConfigurationImpl configuration;
  @Autowired CycleRecordRetention retention;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void everyModelKeepsItsHistoryForFiveYears() {
    List<ProcessDefinition> definitions = engine.getRepositoryService().createProcessDefinitionQuery()
        .latestVersion().list();
    assertThat(definitions).extracting(ProcessDefinition::getKey)
        .contains("commissioning-cycle", "involvement-request", "feedback-delivery");
    for (ProcessDefinition definition : definitions) {
      if (definition.getKey().startsWith("access-test") || definition.getKey().startsWith("audit-test")) {
        continue;
      }
      assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isEqualTo(TIME_TO_LIVE_DAYS);
    }
    assertThat(configuration.isEnforceHistoryTimeToLive()).isTrue();
  }

  @Test
  void historyCleanupRunsInTheConfiguredNightlyWindowByRemovalTime() {
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
  }

  @Test
  void finishedCycleIsRemovedOnceItsTimeToLiveHasPassed() {
    CycleDriver driver = new CycleDriver(engine);
    String rootId = driver.startCycle("Kept for five years").getId();
    String bk = history.createHistoricProcessInstanceQuery().processInstanceId(rootId).singleResult().getBusinessKey();
    long cycleId = Long.parseLong(bk);
    driver.agreePlan(bk);
    driver.analyse(bk);
    driver.plan(bk);
    driver.procure(bk);
    driver.review(bk, "continue");
    driver.answerAll(bk);
    driver.deliverAllFeedback(bk);
    driver.runJobs(bk);
    driver.runJobs(bk);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(rootId).singleResult().getEndTime())
        .as("the cycle has ended").isNotNull();
    long instances = history.createHistoricProcessInstanceQuery().rootProcessInstanceId(rootId).count();
    assertThat(instances).as("the cycle and the gates and feedback it called").isGreaterThan(4);

    // A day before the time to live ends, the cleanup keeps everything.
    moveClock(TIME_TO_LIVE_DAYS - 1);
    runHistoryCleanup();
    assertThat(history.createHistoricProcessInstanceQuery().rootProcessInstanceId(rootId).count()).isEqualTo(instances);
    assertThat(retention.removeCyclesWithoutHistory()).isZero();
    assertThat(rows("SELECT COUNT(*) FROM cc_cycle WHERE id = ?", cycleId)).isOne();

    moveClock(TIME_TO_LIVE_DAYS + 1);
    runHistoryCleanup();

    assertThat(history.createHistoricProcessInstanceQuery().rootProcessInstanceId(rootId).count()).isZero();
    assertThat(history.createHistoricTaskInstanceQuery().rootProcessInstanceId(rootId).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(rootId).count()).isZero();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(rootId).count()).isZero();
    assertThat(history.createHistoricDetailQuery().processInstanceId(rootId).count()).isZero();
    assertThat(history.createUserOperationLogQuery().processInstanceId(rootId).count()).isZero();

    // The application's own records of the cycle follow the engine's history.
    assertThat(retention.removeCyclesWithoutHistory()).isPositive();
    for (String table : List.of("cc_cycle WHERE id", "cc_contribution WHERE cycle_id", "cc_feedback WHERE cycle_id",
        "cc_involvement_request WHERE cycle_id", "cc_bid WHERE cycle_id", "cc_tender WHERE cycle_id",
        "cc_specification_review WHERE cycle_id")) {
      assertThat(rows("SELECT COUNT(*) FROM " + table + " = ?", cycleId)).as(table).isZero();
    }
    assertThat(rows("SELECT COUNT(*) FROM cc_expert WHERE ref LIKE ?", "EX-%"))
        .as("the expert pool stays").isGreaterThanOrEqualTo(10);
  }

  private void moveClock(int days) {
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(days))));
  }

  /** Starts the engine's history cleanup now, as an administrator can, and runs it to the end. */
  private void runHistoryCleanup() {
    history.cleanUpHistoryAsync(true);
    for (int round = 0; round < 20; round++) {
      List<Job> jobs = history.findHistoryCleanupJobs();
      assertThat(jobs).isNotEmpty();
      Date dueBefore = jobs.get(0).getDuedate();
      jobs.forEach(job -> management.executeJob(job.getId()));
      // The job comes back due at once while there is more to remove, later when it is done.
      if (history.findHistoryCleanupJobs().stream().allMatch(job -> job.getDuedate() != null
          && job.getDuedate().after(ClockUtil.getCurrentTime()) && !job.getDuedate().equals(dueBefore))) {
        return;
      }
    }
  }

  private int rows(String sql, Object parameter) {
    return jdbc.sql(sql).param(parameter).query(Integer.class).single();
  }

}
