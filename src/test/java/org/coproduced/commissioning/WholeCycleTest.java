package org.coproduced.commissioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.feedback.FeedbackRepository;
import org.coproduced.commissioning.support.ApplicationTest;
import org.coproduced.commissioning.support.CycleDriver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A whole commissioning cycle driven through the Java API as the demo users, with authorization
 * checks on: every stage, every gate, and an end only after every contributor has their feedback.
 */
@ApplicationTest
class WholeCycleTest {

  @Autowired ProcessEngine engine;
  @Autowired FeedbackRepository feedback;

  @Test
  void wholeCycleEndsOnlyAfterEveryContributorHasTheirFeedback() {
    CycleDriver driver = new CycleDriver(engine);
    ProcessInstance cycle = driver.startCycle("Whole cycle with the demo users");
    String bk = cycle.getBusinessKey();
    long cycleId = Long.parseLong(bk);

    driver.agreePlan(bk);
    driver.describeRequest(bk, CycleDriver.nextSessionDate(), 3);
    driver.acceptRequest(bk);
    driver.confirmExperts(bk);
    expertsSeeOnlyTheirOwnInvitations(bk);
    driver.acceptAllInvitations(bk);
    driver.recordContributions(bk);
    driver.tasks(bk, "Activity_RecordContributionUse").forEach(t ->
        driver.submit(t, Map.of("contributionUse", "It shaped the evening opening hours.")));
    driver.submit(driver.task(bk, "Activity_WriteNeedsAssessment"), Map.of("needsSummary", "Evenings matter."));
    driver.plan(bk);
    driver.procure(bk);
    driver.review(bk, "continue");
    driver.answerAll(bk);

    List<String> contributors = feedback.waitingRefs(cycleId);
    assertThat(contributors).hasSizeGreaterThanOrEqualTo(3);
    List<Task> acknowledgements = driver.tasks(bk, "Activity_AcknowledgeFeedback");
    List<Task> offline = driver.tasks(bk, "Activity_DeliverFeedbackOffline");
    long byEmail = engine.getRuntimeService().createExecutionQuery().processInstanceBusinessKey(bk)
        .activityId("Activity_AwaitAcknowledgement").count();
    assertThat(acknowledgements.size() + offline.size() + byEmail).isEqualTo(contributors.size());
    offline.forEach(t -> driver.submit(t, CycleDriver.attestation()));
    assertThat(driver.followUpEmailFeedback(bk)).isEqualTo(byEmail);
    for (int i = 0; i < acknowledgements.size() - 1; i++) {
      driver.submit(acknowledgements.get(i), Map.of("feedbackRead", true));
    }
    driver.runJobs(bk);
    assertThat(cycle).isNotEnded();
    assertThat(feedback.waitingRefs(cycleId)).hasSize(1);

    driver.submit(acknowledgements.get(acknowledgements.size() - 1), Map.of("feedbackRead", true));
    driver.runJobs(bk);
    driver.runJobs(bk);

    assertThat(cycle).isEnded();
    assertThat(feedback.waitingRefs(cycleId)).isEmpty();
  }

  private void expertsSeeOnlyTheirOwnInvitations(String bk) {
    List<Task> invitations = new CycleDriver(engine).tasks(bk, "Activity_AnswerInvitation");
    for (Task invitation : invitations) {
      if (invitation.getAssignee() == null) {
        continue;
      }
      List<Task> seen = new CycleDriver(engine).as(invitation.getAssignee(),
          () -> engine.getTaskService().createTaskQuery().taskDefinitionKey("Activity_AnswerInvitation").listPage(0, 500));
      assertThat(seen).extracting(Task::getAssignee).containsOnly(invitation.getAssignee());
    }
  }
}
