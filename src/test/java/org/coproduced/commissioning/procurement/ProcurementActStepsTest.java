package org.coproduced.commissioning.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.plainenglish.ReadingEase;
import org.coproduced.commissioning.schedule.WorkingDayCalendar;
import org.coproduced.commissioning.support.ApplicationTest;
import org.coproduced.commissioning.support.CycleDriver;
import org.coproduced.commissioning.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Procurement Act 2023 steps after the award decision, through the whole application, by each
 * route: above the threshold (assessment summaries, contract award notice, a standstill of 8
 * working days, contract details notice within 30 days), light-touch (the standstill is the
 * commissioner's choice; details notice within 120 days) and below the threshold (straight to the
 * contract). A challenge during the standstill holds the award until its outcome is recorded.
 * Auditors read every step with its date and reference, also as CSV.
 */
@ApplicationTest
class ProcurementActStepsTest {

  static final String REASONS = "The plan to hire peer workers was strong. The price was a little high.";

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired ContributionRepository contributions;
  @Autowired WorkingDayCalendar calendar;
  @Autowired AwardSteps steps;
  @LocalServerPort int port;

  @Test
  void aboveTheThresholdEachBidderGetsItsSummaryThenTheNoticeStartsEightWorkingDaysOfStandstill() {
    String title = "Act steps above " + System.nanoTime();
    String bk = decided(title, "above-threshold");
    long cycleId = Long.parseLong(bk);

    List<Task> summaries = driver().tasks(bk, "Activity_IssueAssessmentSummary");
    assertThat(summaries).as("one task per assessed bid").hasSize(2)
        .extracting(Task::getName).containsExactlyInAnyOrder(
            "Send the assessment summary to bid 1 from Open Door Trust · " + title,
            "Send the assessment summary to bid 2 from Streetlight Housing · " + title);
    Task toLoser = summaries.stream().filter(t -> t.getName().contains("Streetlight")).findFirst().orElseThrow();
    String draft = draftOf(toLoser);
    assertThat(draft).contains("Dear Streetlight Housing", "quality 40%", "social value 10%", "price 30%",
        "Your marks, out of 5: quality 4", "That is 80 out of 100", REASONS, "We chose the tender from Open Door Trust",
        "experts by experience", "a council officer");
    assertThat(draft).as("the panel by role only").doesNotContainPattern("EX-\\d");
    contributions.contributorRefs(cycleId, "EVALUATION").forEach(ref -> assertThat(draft).doesNotContain(nameOf(ref)));
    assertThat(ReadingEase.of(draft)).as("the draft is plain English").isGreaterThanOrEqualTo(ReadingEase.PLAIN);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .variableName("privateAssessmentSummary").count()).as("the summary stays out of history").isZero();

    String panelMember = contributions.contributorRefs(cycleId, "EVALUATION").get(0);
    assertThatThrownBy(() -> send(toLoser, draft + "\n" + nameOf(panelMember) + " liked your plan."))
        .hasMessageContaining("never by name");
    assertThatThrownBy(() -> send(toLoser, draft + "\n" + panelMember + " liked your plan."))
        .hasMessageContaining("not by reference");
    assertThatThrownBy(() -> send(toLoser, "Notwithstanding the aforementioned considerations, the evaluation "
        + "methodology necessitated comprehensive consideration of organisational capabilities, operational "
        + "sustainability and demonstrable accountability mechanisms."))
        .hasMessageContaining("hard to read");
    assertThat(driver().tasks(bk, "Activity_IssueAssessmentSummary")).as("nothing sent, nothing lost").hasSize(2);
    String edited = draft + "\nYou may ask us about this summary.";
    send(toLoser, edited);
    assertThat(driver().tasks(bk, "Activity_PublishAwardNotice")).as("every bidder first").isEmpty();
    driver().tasks(bk, "Activity_IssueAssessmentSummary").forEach(t -> send(t, draftOf(t)));
    assertThat(steps.summaryText(cycleId, bidId(cycleId, 2))).hasValue(edited);

    LocalDate published = LocalDate.now().minusDays(1);
    assertThatThrownBy(() -> publishAwardNotice(bk, LocalDate.now().plusDays(1), null))
        .hasMessageContaining("cannot be in the future");
    publishAwardNotice(bk, published, null);

    LocalDate lastDay = calendar.lastOfWorkingDaysBeginningWith(published, 8);
    assertThat(calendar.workingDaysBetween(published.minusDays(1), lastDay)).isEqualTo(8);
    Date ends = Date.from(lastDay.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant());
    assertThat(timer(bk, "Event_StandstillElapsed").getDuedate()).isEqualTo(ends);
    Task watch = driver().task(bk, "Activity_WatchForChallenge");
    assertThat(watch.getDueDate()).as("Tasklist shows when the standstill ends").isEqualTo(ends);
    assertThat(watch.getName()).isEqualTo("Record a challenge to the award, if one comes · " + title);

    driver().fireTimer(bk, "Event_StandstillElapsed");
    driver().tellPanelOfAward(bk);
    LocalDate signed = LocalDate.now().minusDays(2);
    awardContract(bk, signed);

    Task details = driver().task(bk, "Activity_PublishContractDetails");
    assertThat(details.getDueDate()).isEqualTo(at(signed.plusDays(30), 17));
    assertThat(details.getFollowUpDate()).as("the reminder").isEqualTo(at(signed.plusDays(25), 9));
    assertThatThrownBy(() -> publishDetails(bk, signed.minusDays(1)))
        .hasMessageContaining("after the contract is entered into");
    publishDetails(bk, LocalDate.now());

    assertThat(steps.steps(cycleId)).extracting(AwardSteps.Step::step, AwardSteps.Step::date, AwardSteps.Step::reference)
        .contains(
            org.assertj.core.groups.Tuple.tuple("Tender published", null, "2026/S 000-123456"),
            org.assertj.core.groups.Tuple.tuple("Assessment summary sent", LocalDate.now(), "bid 1"),
            org.assertj.core.groups.Tuple.tuple("Contract award notice published", published, "AWARD-1"),
            org.assertj.core.groups.Tuple.tuple("Contract entered into", signed, "CON-ACT-1"),
            org.assertj.core.groups.Tuple.tuple("Contract details notice published", LocalDate.now(), "DETAILS-1"));
    HttpResponse<String> csv = new WebSession(port).signIn("cockpit", "auditor")
        .get("/app/api/audit/cycles/" + cycleId + "/procurement.csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body()).contains("Route: above the threshold", "Contract award notice published," + published
        + ",AWARD-1", "Standstill kept to the end of " + lastDay, "Contract details notice published");
    assertThat(new WebSession(port).signIn("cockpit", "auditor").get("/app/api/audit/cycles/" + cycleId).body())
        .contains("procurementSteps", "AWARD-1", "DETAILS-1");
  }

  @Test
  void aLightTouchContractMayGoWithoutAStandstillAndItsDetailsNoticeIsDueIn120Days() {
    String bk = decided("Act steps light touch " + System.nanoTime(), "light-touch");
    long cycleId = Long.parseLong(bk);
    driver().tasks(bk, "Activity_IssueAssessmentSummary").forEach(t -> send(t, draftOf(t)));

    assertThatThrownBy(() -> publishAwardNotice(bk, LocalDate.now(), null))
        .hasMessageContaining("Will you keep a standstill");
    publishAwardNotice(bk, LocalDate.now(), "no");
    driver().tellPanelOfAward(bk);

    ProcessInstance cycle = cycle(bk);
    assertThat(cycle).hasNotPassed("Activity_WatchForChallenge").isWaitingAt("Activity_AwardContract");
    assertThat(steps.steps(cycleId)).anySatisfy(s -> assertThat(s.note()).contains("chose not to keep one"));
    LocalDate signed = LocalDate.now();
    awardContract(bk, signed);
    assertThat(driver().task(bk, "Activity_PublishContractDetails").getDueDate())
        .isEqualTo(at(signed.plusDays(120), 17));
  }

  @Test
  void belowTheThresholdTheContractFollowsTheDecisionAndALateDetailsNoticeShowsAsOverdue() {
    String bk = decided("Act steps below " + System.nanoTime(), "below-threshold");
    long cycleId = Long.parseLong(bk);
    driver().tellPanelOfAward(bk);

    ProcessInstance cycle = cycle(bk);
    assertThat(cycle).hasNotPassed("Activity_IssueAssessmentSummary", "Activity_PublishAwardNotice")
        .isWaitingAt("Activity_AwardContract");
    LocalDate signed = LocalDate.now().minusDays(40);
    awardContract(bk, signed);

    Task details = driver().task(bk, "Activity_PublishContractDetails");
    assertThat(details.getDueDate()).as("overdue in Tasklist").isBefore(new Date());
    assertThat(engine.getTaskService().createTaskQuery().taskId(details.getId()).dueBefore(new Date()).count())
        .as("Tasklist's overdue filter finds it").isEqualTo(1);
    assertThat(steps.steps(cycleId)).last().satisfies(s -> assertThat(s.note()).startsWith("Overdue"));
    publishDetails(bk, LocalDate.now());
    assertThat(steps.steps(cycleId)).last().satisfies(s -> assertThat(s.note()).startsWith("Late"));
    assertThat(cycle).isWaitingAt("Event_ReviewDue");
  }

  @Test
  void aChallengeDuringTheStandstillHoldsTheAwardUntilACommissionerRecordsItsOutcome() {
    String bk = decided("Act steps challenged " + System.nanoTime(), "above-threshold");
    long cycleId = Long.parseLong(bk);
    driver().tasks(bk, "Activity_IssueAssessmentSummary").forEach(t -> send(t, draftOf(t)));
    publishAwardNotice(bk, LocalDate.now(), null);
    driver().tellPanelOfAward(bk);
    String today = LocalDate.now().toString();

    driver().submit(driver().task(bk, "Activity_WatchForChallenge"), Map.of("challengeReceivedOn", today,
        "privateChallengeDetails", "A bidder says the price marks were added up wrongly."));

    ProcessInstance cycle = cycle(bk);
    assertThat(cycle).isWaitingAt("Activity_RecordChallengeOutcome").isNotWaitingAt("Activity_AwardContract");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(cycle.getId())
        .activityId("Event_StandstillElapsed").count()).as("the standstill's end cannot lift the hold").isZero();
    Task outcome = driver().task(bk, "Activity_RecordChallengeOutcome");
    assertThatThrownBy(() -> driver().submit(outcome, Map.of("challengeOutcome", "withdrawn",
        "challengeOutcomeOn", LocalDate.now().minusDays(1).toString())))
        .hasMessageContaining("before the challenge was received");
    driver().submit(outcome, Map.of("challengeOutcome", "withdrawn", "challengeOutcomeOn", today));

    assertThat(cycle).as("the standstill still runs its course").isWaitingAt("Event_StandstillEndsAfterChallenge")
        .isNotWaitingAt("Activity_AwardContract");
    driver().fireTimer(bk, "Event_StandstillEndsAfterChallenge");
    assertThat(cycle).isWaitingAt("Activity_AwardContract");
    assertThat(steps.steps(cycleId)).extracting(AwardSteps.Step::step).contains(
        "Challenge received during the standstill", "Challenge outcome recorded");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .variableNameLike("privateChallenge%").count()).as("what the challenge says stays out of the engine").isZero();
  }

  // ---- helpers ----

  private CycleDriver driver() {
    return new CycleDriver(engine);
  }

  /** A cycle whose tender follows the route, scored 4 everywhere, moderated with reasons, awarded to bid 1. */
  private String decided(String title, String route) {
    CycleDriver driver = driver();
    String bk = driver.startCycle(title).getBusinessKey();
    driver.agreePlan(bk);
    driver.analyse(bk);
    driver.plan(bk);
    driver.tenderToDeclarations(bk, route);
    driver.tasks(bk, "Activity_DeclareInterests").forEach(t -> driver.submit(t, Map.of("hasConflict", "no")));
    driver.tasks(bk, "Activity_ScoreBid").forEach(t -> driver.submit(t, CycleDriver.scores(4)));
    driver.tasks(bk, "Activity_ModerateScores").forEach(t -> {
      Map<String, Object> f = CycleDriver.scores(4);
      f.put("moderationNotes", REASONS);
      driver.submit(t, f);
    });
    driver.submit(driver.task(bk, "Activity_DecideAward"),
        Map.of("winningBid", String.valueOf(bidId(Long.parseLong(bk), 1)), "panelAgrees", "yes"));
    return bk;
  }

  private String draftOf(Task task) {
    return (String) engine.getTaskService().getVariableLocal(task.getId(), "privateAssessmentSummary");
  }

  private void send(Task task, String text) {
    driver().submit(task, Map.of("privateAssessmentSummary", text, "summarySentOn", LocalDate.now().toString()));
  }

  private void publishAwardNotice(String bk, LocalDate on, String keepStandstill) {
    Map<String, Object> f = new HashMap<>(Map.of("awardNoticeReference", "AWARD-1", "awardNoticePublishedOn",
        on.toString()));
    if (keepStandstill != null) {
      f.put("keepStandstill", keepStandstill);
    }
    driver().submit(driver().task(bk, "Activity_PublishAwardNotice"), f);
  }

  private void awardContract(String bk, LocalDate signed) {
    driver().submit(driver().task(bk, "Activity_AwardContract"), Map.of("contractReference", "CON-ACT-1",
        "contractSignedDate", signed.toString(), "contractStartDate", LocalDate.now().plusMonths(1).toString()));
  }

  private void publishDetails(String bk, LocalDate on) {
    driver().submit(driver().task(bk, "Activity_PublishContractDetails"), Map.of("detailsNoticeReference", "DETAILS-1",
        "detailsNoticePublishedOn", on.toString()));
  }

  private ProcessInstance cycle(String bk) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("commissioning-cycle")
        .processInstanceBusinessKey(bk).singleResult();
  }

  private Job timer(String bk, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(cycle(bk).getId()).activityId(activityId)
        .singleResult();
  }

  private long bidId(long cycleId, int slot) {
    return jdbc.sql("SELECT id FROM cc_bid WHERE cycle_id = ? AND slot = ?").params(cycleId, slot).query(Long.class)
        .single();
  }

  private String nameOf(String expertRef) {
    return jdbc.sql("SELECT display_name FROM cc_expert WHERE ref = ?").param(expertRef).query(String.class).single();
  }

  private static Date at(LocalDate day, int hour) {
    return Date.from(day.atTime(hour, 0).atZone(ZoneId.systemDefault()).toInstant());
  }
}
