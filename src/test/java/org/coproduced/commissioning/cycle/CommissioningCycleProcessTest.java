package org.coproduced.commissioning.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.support.ApplicationTest;
import org.coproduced.commissioning.support.CycleDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The paths of process {@code commissioning-cycle}, one test per path. */
@ApplicationTest
class CommissioningCycleProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired CycleCancellation cancellation;
  @Autowired ContributionRepository contributions;
  @Autowired CycleRepository cycles;

  CycleDriver driver;

  @BeforeEach
  void setUp() {
    driver = new CycleDriver(engine);
  }

  @Test
  void startFormRegistersTheCycleAndGoesToTheInvolvementPlan() {
    ProcessInstance cycle = driver.startCycle("Street outreach");

    assertThat(cycle).isWaitingAt("Activity_AgreeInvolvementPlan");
    assertThat(cycle.getBusinessKey()).isNotBlank();
    long cycleId = Long.parseLong(cycle.getBusinessKey());
    assertThat(cycles.findById(cycleId)).get().extracting(Cycle::commissioner).isEqualTo("commissioner");
  }

  @Test
  void theAnalyseGateComesBeforeTheNeedsAssessment() {
    ProcessInstance cycle = driver.startCycle("Gate first");
    String bk = cycle.getBusinessKey();
    driver.agreePlan(bk);

    assertThat(cycle).isWaitingAt("CallActivity_AnalyseGate");
    assertThat(driver.tasks(bk, "Activity_WriteNeedsAssessment")).isEmpty();
    driver.passGate(bk);
    // One task per contribution: two places, plus a buddy when a first-timer was invited.
    int contributed = contributions.findByCycle(Long.parseLong(bk)).size();
    assertThat(contributed).isBetween(2, 4);
    assertThat(driver.tasks(bk, "Activity_RecordContributionUse")).hasSize(contributed);
  }

  @Test
  void happyPathEndsOnlyAfterEveryContributorHasFeedback() {
    ProcessInstance cycle = driver.startCycle("Happy path");
    String bk = cycle.getBusinessKey();
    driver.agreePlan(bk);
    driver.analyse(bk);
    driver.plan(bk);
    assertThat(cycle).isWaitingAt("Activity_PublishTender");
    driver.procure(bk);
    driver.review(bk, "continue");
    driver.answerAll(bk);
    assertThat(cycle).isWaitingAt("CallActivity_Feedback");

    driver.deliverAllFeedback(bk);
    driver.runJobs(bk);
    driver.runJobs(bk);

    assertThat(cycle).isEnded().hasPassed("CallActivity_AnalyseGate", "CallActivity_PlanGate",
        "CallActivity_EvaluationGate", "CallActivity_ReviewGate", "CallActivity_Feedback", "Activity_CloseCycle");
    assertThat(cycles.findById(Long.parseLong(bk))).get().extracting(Cycle::status).isEqualTo("COMPLETED");
  }

  @Test
  void specificationChangesRequestedLoopsBackToTheDraft() {
    ProcessInstance cycle = driver.startCycleAtPlanGateDone("Changes requested");
    String bk = cycle.getBusinessKey();
    driver.draftSpecification(bk, null);

    driver.reviewSpecification(bk, "changes");

    assertThat(cycle).isWaitingAt("Activity_DraftSpecification");
    assertThat(engine.getRuntimeService().getVariable(cycle.getId(), "reviewRound")).isEqualTo(1);
    driver.draftSpecification(bk, "Added peer workers, as the experts asked.");
    driver.reviewSpecification(bk, "approve");
    assertThat(cycle).isWaitingAt("Activity_PublishTender");
  }

  @Test
  void specificationRejectedThreeTimesGoesToMediation() {
    ProcessInstance cycle = driver.startCycleAtPlanGateDone("Mediation");
    String bk = cycle.getBusinessKey();
    driver.draftSpecification(bk, null);
    driver.reviewSpecification(bk, "changes");
    driver.draftSpecification(bk, "Second try.");
    driver.reviewSpecification(bk, "changes");
    driver.draftSpecification(bk, "Third try.");

    driver.reviewSpecification(bk, "changes");

    assertThat(cycle).isWaitingAt("Activity_HoldMediationMeeting");
    driver.submit(driver.task(bk, "Activity_HoldMediationMeeting"),
        Map.of("meetingDate", java.time.LocalDate.now().toString(), "agreedChanges", "Peer workers in every shift."));
    assertThat(cycle).isWaitingAt("Activity_DraftSpecification");
  }

  @Test
  void recommissionGoesBackToTheAnalyseGate() {
    ProcessInstance cycle = driver.startCycle("Recommission");
    String bk = cycle.getBusinessKey();
    driver.agreePlan(bk);
    driver.analyse(bk);
    driver.plan(bk);
    driver.procure(bk);

    driver.review(bk, "recommission");

    assertThat(cycle).isWaitingAt("CallActivity_AnalyseGate");
    assertThat(driver.tasks(bk, "Activity_DescribeRequest")).hasSize(1);
  }

  @Test
  void cancellationEndsThroughFeedback() {
    ProcessInstance cycle = driver.startCycleAtPlanGateDone("Cancelled");
    String bk = cycle.getBusinessKey();

    cancellation.cancel(Long.parseLong(bk), "The council's budget for this service was withdrawn.");

    assertThat(cycle).isWaitingAt("CallActivity_CancellationFeedback");
    assertThat(driver.tasks(bk, "Activity_AnswerContribution")).hasSize(4);
    driver.answerAll(bk);
    driver.deliverAllFeedback(bk);
    driver.runJobs(bk);
    driver.runJobs(bk);
    assertThat(cycle).isEnded().hasPassed("Activity_CloseCancelledCycle");
    assertThat(cycles.findById(Long.parseLong(bk))).get().extracting(Cycle::status).isEqualTo("CANCELLED");
  }

  @Test
  void cancellationRefusesAShortReasonAndChangesNothing() {
    ProcessInstance cycle = driver.startCycle("Not cancelled");
    String bk = cycle.getBusinessKey();

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> cancellation.cancel(Long.parseLong(bk), "budget"))
        .hasMessageContaining("Please explain why");

    assertThat(cycle).isWaitingAt("Activity_AgreeInvolvementPlan");
    assertThat(cycles.findById(Long.parseLong(bk))).get().extracting(Cycle::status).isEqualTo("ACTIVE");
  }

  @Test
  void cycleWaitsAsAnIncidentWhileAnyContributorHasNoFeedback() {
    ProcessInstance cycle = driver.startCycleAtPlanGateDone("Guarded end");
    String bk = cycle.getBusinessKey();
    cancellation.cancel(Long.parseLong(bk), "Testing that the end waits for everyone's feedback.");
    driver.answerAll(bk);
    driver.deliverAllFeedback(bk);
    driver.runJobs(bk); // the feedback process's own guard passes and it ends
    // Then someone's feedback is withdrawn behind the process's back: closing the cycle must refuse.
    long cycleId = Long.parseLong(bk);
    new org.springframework.jdbc.core.JdbcTemplate(dataSource)
        .update("UPDATE cc_feedback SET status = 'WAITING' WHERE cycle_id = ? AND id = "
            + "(SELECT MIN(id) FROM cc_feedback WHERE cycle_id = ?)", cycleId, cycleId);
    Job guard = failingJob(bk);
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        engine.getManagementService().executeJob(guard.getId());
      } catch (RuntimeException expected) {
        assertThat(expected).hasMessageContaining("cannot end yet");
      }
    }

    List<Incident> incidents = engine.getRuntimeService().createIncidentQuery().list().stream()
        .filter(i -> i.getIncidentMessage() != null && i.getIncidentMessage().contains("Cycle " + cycleId + " ")).toList();
    assertThat(incidents).hasSize(1);
    assertThat(cycle).isNotEnded();

    new org.springframework.jdbc.core.JdbcTemplate(dataSource)
        .update("UPDATE cc_feedback SET status = 'ATTESTED' WHERE cycle_id = ?", cycleId);
    engine.getManagementService().setJobRetries(guard.getId(), 1);
    engine.getManagementService().executeJob(guard.getId());
    driver.runJobs(bk);
    assertThat(cycle).isEnded();
  }

  @Autowired javax.sql.DataSource dataSource;

  private Job failingJob(String bk) {
    List<Job> jobs = driver.jobs(bk);
    assertThat(jobs).hasSize(1);
    return jobs.get(0);
  }
}
