package org.coproduced.commissioning.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.support.CycleDriver;

/**
 * One whole cycle, run once per test run as the demo users, with markup, script and spreadsheet
 * formulas typed into the free-text fields an auditor later reads.
 */
public final class AuditedCycle {

  public static final String HOSTILE_TITLE = "<script>alert('title')</script> Outreach & <b>night</b> support";
  public static final String HOSTILE_BIDDER = "<img src=x onerror=alert(1)> **Bold** Trust";
  public static final String HOSTILE_CHANGE = "<script>alert('changed')</script> We now open until 10pm.";
  public static final String FORMULA_WHY = "=HYPERLINK(\"http://example.org\",\"click\")";
  public static final String HOSTILE_USE = "<iframe src=\"http://example.org\"></iframe> Evening hours";

  private static AuditedCycle once;

  public final long cycleId;
  public final String businessKey;
  public final String processInstanceId;

  private AuditedCycle(long cycleId, String processInstanceId) {
    this.cycleId = cycleId;
    this.businessKey = String.valueOf(cycleId);
    this.processInstanceId = processInstanceId;
  }

  /** The cycle, run on first use (and again if a history cleanup test has removed it since). */
  public static synchronized AuditedCycle once(ProcessEngine engine) {
    if (once == null || engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(once.processInstanceId).count() == 0) {
      once = run(engine);
    }
    return once;
  }

  private static AuditedCycle run(ProcessEngine engine) {
    CycleDriver driver = new CycleDriver(engine);
    String processInstanceId = driver.startCycle(HOSTILE_TITLE).getId();
    String bk = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult().getBusinessKey();
    driver.agreePlan(bk);
    driver.passGate(bk);
    driver.tasks(bk, "Activity_RecordContributionUse").forEach(t ->
        driver.submit(t, Map.of("contributionUse", HOSTILE_USE)));
    driver.submit(driver.task(bk, "Activity_WriteNeedsAssessment"), Map.of("needsSummary", "Evenings matter."));
    driver.plan(bk);
    procure(driver, bk);
    driver.review(bk, "continue");
    for (Task answer : driver.tasks(bk, "Activity_AnswerContribution")) {
      driver.submit(answer, Map.of("answerOutcome", "adopted", "whatChanged", HOSTILE_CHANGE,
          "whyDecided", FORMULA_WHY));
    }
    driver.submit(driver.task(bk, "Activity_CheckPlainEnglish"), Map.of("plainEnglishOk", "yes"));
    driver.deliverAllFeedback(bk);
    driver.runJobs(bk);
    driver.runJobs(bk);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).count())
        .as("the audited cycle has ended").isZero();
    return new AuditedCycle(Long.parseLong(bk), processInstanceId);
  }

  /** The procurement stage of {@link CycleDriver#procure}, with a bidder whose name is markup. */
  private static void procure(CycleDriver driver, String bk) {
    Map<String, Object> tender = new HashMap<>();
    tender.put("noticeReference", "2026/S 000-654321");
    tender.put("closingDate", LocalDate.now().toString());
    tender.put("coproductionQuestion", "How will you involve people who use the service?");
    tender.put("qualityWeighting", 40);
    tender.put("coproductionWeighting", 20);
    tender.put("socialValueWeighting", 10);
    tender.put("priceWeighting", 30);
    driver.submit(driver.task(bk, "Activity_PublishTender"), tender);
    driver.fireTimer(bk, "Event_TenderClosed");
    driver.submit(driver.task(bk, "Activity_RecordBids"), Map.of("bid1Name", HOSTILE_BIDDER, "bid1Price", 950000,
        "bid2Name", "Streetlight Housing", "bid2Price", 880000));
    driver.passGate(bk);
    driver.tasks(bk, "Activity_DeclareInterests").forEach(t -> driver.submit(t, Map.of("hasConflict", "no")));
    driver.tasks(bk, "Activity_ScoreBid").forEach(t -> driver.submit(t, CycleDriver.scores(4)));
    driver.tasks(bk, "Activity_ModerateScores").forEach(t -> {
      Map<String, Object> f = CycleDriver.scores(4);
      f.put("moderationNotes", "The panel agreed after discussion.");
      driver.submit(t, f);
    });
    Task decide = driver.task(bk, "Activity_DecideAward");
    String firstBid = driver.engine().getTaskService().getVariable(decide.getId(), "bidOptions").toString()
        .replaceAll(".*?\"value\":\"(\\d+)\".*", "$1");
    driver.submit(decide, Map.of("winningBid", firstBid, "panelAgrees", "yes"));
    driver.sendSummariesAndPublishAwardNotice(bk);
    driver.fireTimer(bk, "Event_StandstillElapsed");
    driver.tellPanelOfAward(bk);
    driver.awardContract(bk, "CON-2027-099");
    driver.publishContractDetails(bk);
  }
}
