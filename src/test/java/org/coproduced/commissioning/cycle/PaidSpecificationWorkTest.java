package org.coproduced.commissioning.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.involvement.recompense.LedgerEntry;
import org.coproduced.commissioning.involvement.recompense.RecompenseLedger;
import org.coproduced.commissioning.involvement.recompense.RecompensedWork;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.coproduced.commissioning.support.ApplicationTest;
import org.coproduced.commissioning.support.CycleDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reviewing the specification and meeting to agree it are work, paid through the ledger: the
 * cycle's own review and mediation tasks, completed through the engine, record one entry per
 * reviewer and round, and one per expert at the meeting, at the configured hours (2 each) unless
 * the coordinator records how long the meeting took.
 */
@ApplicationTest
class PaidSpecificationWorkTest {

  @Autowired ProcessEngine engine;
  @Autowired RecompenseLedger ledger;
  @Autowired CycleRepository cycles;

  CycleDriver driver;

  @BeforeEach
  void setUp() {
    driver = new CycleDriver(engine);
  }

  @Test
  void eachReviewerIsOwedTheConfiguredHoursForEachRoundTheyReviewed() {
    ProcessInstance cycle = driver.startCycleAtPlanGateDone("Paid reviews");
    String bk = cycle.getBusinessKey();
    long cycleId = Long.parseLong(bk);
    driver.draftSpecification(bk, null);
    List<String> reviewers = reviewersWaiting(bk);
    assertThat(reviewers).isNotEmpty();
    driver.reviewSpecification(bk, "changes");
    driver.draftSpecification(bk, "Second try.");
    driver.reviewSpecification(bk, "approve");
    assertThat(cycle).isWaitingAt("Activity_PublishTender");

    List<LedgerEntry> entries = ledger.workEntriesForCycle(cycleId);

    assertThat(entries).hasSize(reviewers.size() * 2).allSatisfy(entry -> {
      assertThat(entry.work()).isEqualTo(RecompensedWork.SPECIFICATION_REVIEW);
      assertThat(entry.hours()).isEqualTo(2);
      assertThat(entry.sessionDate()).isEqualTo(ProcessClock.today());
      assertThat(entry.hoursInWords()).isEqualTo("2 reviewing the specification");
      assertThat(entry.basis()).isIn("2 hours reviewing the specification, the usual time for this work",
          "They chose not to receive recompense");
    });
    assertThat(entries).extracting(LedgerEntry::reviewRound).containsOnly(1, 2);
    assertThat(entries.stream().filter(e -> e.reviewRound() == 1).map(LedgerEntry::expertRef))
        .containsExactlyInAnyOrderElementsOf(reviewers);
    assertThat(entries).filteredOn(e -> "PAYMENT".equals(e.kind()))
        .allSatisfy(e -> assertThat(e.amount()).isEqualByComparingTo("26.90"));
  }

  @Test
  void everyExpertAtTheMediationMeetingIsOwedTheHoursTheCoordinatorRecorded() {
    ProcessInstance cycle = driver.startCycleAtPlanGateDone("Paid meeting");
    String bk = cycle.getBusinessKey();
    long cycleId = Long.parseLong(bk);
    driver.draftSpecification(bk, null);
    List<String> reviewers = reviewersWaiting(bk);
    driver.reviewSpecification(bk, "changes");
    driver.draftSpecification(bk, "Second try.");
    driver.reviewSpecification(bk, "changes");
    driver.draftSpecification(bk, "Third try.");
    driver.reviewSpecification(bk, "changes");
    assertThat(cycle).isWaitingAt("Activity_HoldMediationMeeting");
    LocalDate meetingDay = ProcessClock.today().minusDays(1);

    Map<String, Object> meeting = new HashMap<>();
    meeting.put("meetingDate", meetingDay.toString());
    meeting.put("agreedChanges", "Peer workers on every night shift.");
    meeting.put("meetingHours", 3);
    driver.submit(driver.task(bk, "Activity_HoldMediationMeeting"), meeting);

    assertThat(cycle).isWaitingAt("Activity_DraftSpecification");
    List<LedgerEntry> meetings = ledger.workEntriesForCycle(cycleId).stream()
        .filter(e -> e.work() == RecompensedWork.MEDIATION_MEETING).toList();
    assertThat(meetings).extracting(LedgerEntry::expertRef).containsExactlyInAnyOrderElementsOf(reviewers);
    assertThat(meetings).allSatisfy(entry -> {
      assertThat(entry.reviewRound()).isEqualTo(3);
      assertThat(entry.hours()).isEqualTo(3);
      assertThat(entry.sessionDate()).isEqualTo(meetingDay);
      assertThat(entry.hoursInWords()).isEqualTo("3 at the meeting to agree the specification");
    });
    assertThat(meetings).filteredOn(e -> "PAYMENT".equals(e.kind()))
        .allSatisfy(e -> assertThat(e.amount()).isEqualByComparingTo("40.35"));
    assertThat(ledger.workEntriesForCycle(cycleId)).filteredOn(e -> e.work() == RecompensedWork.SPECIFICATION_REVIEW)
        .hasSize(reviewers.size() * 3);
  }

  @Test
  void aMeetingWhoseLengthNobodyRecordedIsOwedTheConfiguredHours() {
    ProcessInstance cycle = driver.startCycleAtPlanGateDone("Meeting of usual length");
    String bk = cycle.getBusinessKey();
    long cycleId = Long.parseLong(bk);
    driver.draftSpecification(bk, null);
    driver.reviewSpecification(bk, "changes");
    driver.draftSpecification(bk, "Second try.");
    driver.reviewSpecification(bk, "changes");
    driver.draftSpecification(bk, "Third try.");
    driver.reviewSpecification(bk, "changes");

    driver.submit(driver.task(bk, "Activity_HoldMediationMeeting"), Map.of("meetingDate",
        ProcessClock.today().toString(), "agreedChanges", "Peer workers on every night shift."));

    assertThat(ledger.workEntriesForCycle(cycleId)).filteredOn(e -> e.work() == RecompensedWork.MEDIATION_MEETING)
        .isNotEmpty().allSatisfy(e -> assertThat(e.hours()).isEqualTo(2));
    assertThat(cycles.mediationMeetings(cycleId)).hasSize(1);
  }

  private List<String> reviewersWaiting(String bk) {
    return driver.tasks(bk, "Activity_ReviewSpecification").stream()
        .map(Task::getId).map(id -> (String) engine.getTaskService().getVariable(id, "reviewerRef")).toList();
  }
}
