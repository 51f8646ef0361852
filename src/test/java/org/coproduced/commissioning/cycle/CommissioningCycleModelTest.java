package org.coproduced.commissioning.cycle;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.coproduced.commissioning.support.ModelBeans;
import org.coproduced.commissioning.support.ModelTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The commissioning cycle model alone. The involvement gates and feedback it calls are stand-ins
 * that end at once (they have model tests of their own), so each path here is the cycle's: the
 * specification's review rounds and mediation, tender to contract by each procurement route (above
 * the threshold, light-touch, below it) with a challenge during the standstill, review and
 * recommissioning, cancellation.
 */
@ModelTest
@Deployment(resources = CommissioningCycleModelTest.MODEL)
class CommissioningCycleModelTest {

  static final String MODEL = "processes/commissioning-cycle.bpmn";
  static final String[] CALLED = {"involvement-request", "feedback-delivery"};

  ModelBeans beans;
  String calledStandIns;

  @BeforeEach
  void mockBeansAndCalledProcesses() {
    beans = ModelBeans.mockAllIn(MODEL)
        .returns("idsForRequest", List.of(21L))
        .returns("reviewerRefs", List.of("EX-0001"))
        .returns("tasklistUserOf", "expert1")
        .returns("evaluatorRefs", List.of("EX-0002"))
        .returns("userOfEvaluator", "evaluator1")
        .returns("bidsToScore", List.of(31L))
        .returns("bidIds", List.of(31L));
    var deployment = repositoryService().createDeployment().name("called stand-ins");
    for (String key : CALLED) {
      deployment.addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
          .startEvent().endEvent().done());
    }
    calledStandIns = deployment.deploy().getId();
  }

  @AfterEach
  void removeCalledProcesses() {
    repositoryService().deleteDeployment(calledStandIns, true);
  }

  @Test
  void specificationApprovedByEveryReviewerGoesToTender() {
    beans.returns("allApproved", true);
    ProcessInstance cycle = specificationInReview(1);

    complete(task("Activity_ReviewSpecification", cycle), withVariables("specificationDecision", "approve"));

    assertThat(cycle).hasPassed("CallActivity_AnalyseGate", "CallActivity_PlanGate", "Gateway_SpecificationApproved")
        .hasNotPassed("Gateway_MediationNeeded").isWaitingAt("Activity_PublishTender");
  }

  @Test
  void specificationNotApprovedIsRedrafted() {
    beans.returns("allApproved", false);
    ProcessInstance cycle = specificationInReview(1);

    complete(task("Activity_ReviewSpecification", cycle), withVariables("specificationDecision", "change"));

    assertThat(cycle).hasPassed("Gateway_MediationNeeded").hasNotPassed("Activity_HoldMediationMeeting")
        .isWaitingAt("Activity_DraftSpecification");
  }

  @Test
  void specificationNotApprovedAfterThreeDraftsGoesToMediation() {
    beans.returns("allApproved", false);
    ProcessInstance cycle = specificationInReview(3);

    complete(task("Activity_ReviewSpecification", cycle), withVariables("specificationDecision", "change"));
    assertThat(cycle).isWaitingAt("Activity_HoldMediationMeeting");
    complete(task("Activity_HoldMediationMeeting", cycle));

    assertThat(cycle).isWaitingAt("Activity_DraftSpecification");
  }

  @Test
  void aShortPanelWaitsBeforeTheModerationForANewMemberWhoDeclaresAndScores() {
    beans.returns("waitsForNewMember", true);
    ProcessInstance cycle = startBefore("Activity_PublishTender");
    complete(task("Activity_PublishTender", cycle), withVariables("tenderClosesAt", new Date(),
        "procurementRoute", "above-threshold"));
    execute(job("Event_TenderClosed", cycle));
    complete(task("Activity_RecordBids", cycle));
    complete(task("Activity_DeclareInterests", cycle));
    complete(task("Activity_ScoreBid", cycle));
    assertThat(cycle).isWaitingAt("Event_PanelSettled").hasNotPassed("Activity_ModerateScores");

    // A coordinator adds someone, as procurement/ScoringPanel does: one more instance of the running panel.
    beans.returns("waitsForNewMember", false);
    String panel = runtimeService().getActivityInstance(cycle.getId())
        .getActivityInstances("SubProcess_Evaluate#multiInstanceBody")[0].getId();
    runtimeService().createProcessInstanceModification(cycle.getId())
        .startBeforeActivity("SubProcess_Evaluate", panel).setVariableLocal("evaluatorRef", "EX-0009").execute();
    runtimeService().createMessageCorrelation("ScoringPanelSettled").processInstanceId(cycle.getId()).correlateAll();

    assertThat(cycle).isWaitingAt("Activity_DeclareInterests").hasNotPassed("Activity_ModerateScores");
    org.assertj.core.api.Assertions.assertThat(taskService().getVariable(task("Activity_DeclareInterests", cycle)
        .getId(), "evaluatorRef")).isEqualTo("EX-0009");
    complete(task("Activity_DeclareInterests", cycle));
    complete(task("Activity_ScoreBid", cycle));
    assertThat(cycle).hasPassed("Event_EvaluationDoneAfterPanelSettled", "Event_EvaluationDone")
        .isWaitingAt("Activity_ModerateScores");
  }

  @Test
  void tenderIsEvaluatedAwardedAndReviewedAndTheCycleCompletes() {
    ProcessInstance cycle = startBefore("Activity_PublishTender");

    complete(task("Activity_PublishTender", cycle), withVariables("tenderClosesAt", new Date(),
        "procurementRoute", "above-threshold"));
    execute(job("Event_TenderClosed", cycle));
    complete(task("Activity_RecordBids", cycle));
    assertThat(cycle).hasPassed("CallActivity_EvaluationGate").isWaitingAt("Activity_DeclareInterests")
        .task().isAssignedTo("evaluator1");
    complete(task("Activity_DeclareInterests", cycle));
    complete(task("Activity_ScoreBid", cycle));
    complete(task("Activity_ModerateScores", cycle));
    complete(task("Activity_DecideAward", cycle));
    complete(task("Activity_IssueAssessmentSummary", cycle));
    complete(task("Activity_PublishAwardNotice", cycle), withVariables("standstillApplies", true,
        "standstillEndsAt", new Date()));
    execute(job("Event_StandstillElapsed", cycle));
    awardContractAndPublishDetails(cycle);
    execute(job("Event_ReviewDue", cycle));
    complete(task("Activity_DecideReviewOutcome", cycle), withVariables("reviewOutcome", "continue"));

    assertThat(cycle).hasPassed("CallActivity_ReviewGate", "CallActivity_Feedback")
        .isWaitingAt("Activity_CloseCycle");
    execute(job("Activity_CloseCycle", cycle));
    assertThat(cycle).hasPassed("Event_CycleCompleted").isEnded();
  }

  @Test
  void theContractWaitsForTheStandstillAndForEveryExpertOnThePanelWhoDoesNotReadEmailToBeTold() {
    beans.returns("offlinePanelRefs", List.of("EX-0005", "EX-0007"));
    ProcessInstance cycle = startBefore("Activity_DecideAward");

    complete(task("Activity_DecideAward", cycle));
    publishAwardNotice(cycle, true);

    assertThat(cycle).isWaitingAt("Activity_TellPanelOfAward", "Activity_WatchForChallenge");
    execute(job("Event_StandstillElapsed", cycle));
    List<org.camunda.bpm.engine.task.Task> toTell = taskQuery().taskDefinitionKey("Activity_TellPanelOfAward").list();
    org.assertj.core.api.Assertions.assertThat(toTell).hasSize(2);
    complete(toTell.get(0));
    assertThat(cycle).isWaitingAt("Activity_TellPanelOfAward").isNotWaitingAt("Activity_AwardContract");
    complete(toTell.get(1));
    assertThat(cycle).hasPassed("Gateway_ReadyToAward").isWaitingAt("Activity_AwardContract");
  }

  @Test
  void aPanelMemberNotSureAboutAConflictTalksItThroughBeforeScoring() {
    beans.returns("unsureAboutConflict", true);
    ProcessInstance cycle = startBefore("Activity_PublishTender");
    complete(task("Activity_PublishTender", cycle), withVariables("tenderClosesAt", new Date()));
    execute(job("Event_TenderClosed", cycle));
    complete(task("Activity_RecordBids", cycle));

    complete(task("Activity_DeclareInterests", cycle), withVariables("hasConflict", "not-sure"));

    assertThat(cycle).isWaitingAt("Activity_TalkThroughConflict").isNotWaitingAt("Activity_ScoreBid");
    complete(task("Activity_TalkThroughConflict", cycle), withVariables("conflictAgreed", "no"));
    assertThat(cycle).isWaitingAt("Activity_ScoreBid");
  }

  @Test
  void withEveryoneOnThePanelEmailedTheContractWaitsOnlyForTheStandstill() {
    beans.returns("offlinePanelRefs", List.of());
    ProcessInstance cycle = startBefore("Activity_DecideAward");

    complete(task("Activity_DecideAward", cycle));
    publishAwardNotice(cycle, true);

    assertThat(cycle).isWaitingAt("Activity_WatchForChallenge").isNotWaitingAt("Activity_TellPanelOfAward");
    execute(job("Event_StandstillElapsed", cycle));
    assertThat(cycle).isWaitingAt("Activity_AwardContract");
  }

  @Test
  void aboveTheThresholdEveryBidderGetsASummaryThenTheAwardNoticeStartsTheStandstill() {
    beans.returns("bidIds", List.of(31L, 32L, 33L));
    ProcessInstance cycle = startBefore("Activity_DecideAward", "above-threshold");

    complete(task("Activity_DecideAward", cycle));

    assertThat(cycle).hasPassed("Gateway_AwardRoute").isWaitingAt("Activity_IssueAssessmentSummary")
        .isNotWaitingAt("Activity_PublishAwardNotice");
    List<org.camunda.bpm.engine.task.Task> summaries =
        taskQuery().taskDefinitionKey("Activity_IssueAssessmentSummary").list();
    org.assertj.core.api.Assertions.assertThat(summaries).as("one summary per assessed bid").hasSize(3)
        .allMatch(t -> "commissioner".equals(t.getAssignee()));
    summaries.forEach(t -> complete(t));
    assertThat(cycle).isWaitingAt("Activity_PublishAwardNotice");
    complete(task("Activity_PublishAwardNotice", cycle), withVariables("standstillApplies", true,
        "standstillEndsAt", new Date()));
    assertThat(cycle).isWaitingAt("Activity_WatchForChallenge").isNotWaitingAt("Activity_AwardContract");
    org.assertj.core.api.Assertions.assertThat(task("Activity_WatchForChallenge", cycle).getDueDate())
        .as("the standstill's end is the task's due date").isNotNull();

    execute(job("Event_StandstillElapsed", cycle));

    assertThat(cycle).hasPassed("Event_StandstillElapsed", "Gateway_StandstillOver")
        .hasNotPassed("Activity_RecordChallengeOutcome").isWaitingAt("Activity_AwardContract");
    awardContractAndPublishDetails(cycle);
    assertThat(cycle).isWaitingAt("Event_ReviewDue");
  }

  @Test
  void aLightTouchContractWithoutAStandstillGoesFromTheAwardNoticeToTheContract() {
    ProcessInstance cycle = startBefore("Activity_DecideAward", "light-touch");

    complete(task("Activity_DecideAward", cycle));
    complete(task("Activity_IssueAssessmentSummary", cycle));
    publishAwardNotice(cycle, false);

    assertThat(cycle).hasPassed("Gateway_StandstillApplies", "Gateway_StandstillOver")
        .hasNotPassed("Activity_WatchForChallenge").isWaitingAt("Activity_AwardContract");
  }

  @Test
  void belowTheThresholdThereIsNoSummaryNoAwardNoticeAndNoStandstill() {
    ProcessInstance cycle = startBefore("Activity_DecideAward", "below-threshold");

    complete(task("Activity_DecideAward", cycle));

    assertThat(cycle).hasPassed("Gateway_AwardRoute", "Gateway_RouteStepsDone")
        .hasNotPassed("Activity_IssueAssessmentSummary", "Activity_PublishAwardNotice", "Activity_WatchForChallenge")
        .isWaitingAt("Activity_AwardContract");
    awardContractAndPublishDetails(cycle);
    assertThat(cycle).hasPassed("Activity_PublishContractDetails").isWaitingAt("Event_ReviewDue");
  }

  @Test
  void aChallengeDuringTheStandstillPausesTheAwardUntilItsOutcomeIsRecorded() {
    ProcessInstance cycle = startBefore("Activity_DecideAward", "above-threshold");
    complete(task("Activity_DecideAward", cycle));
    complete(task("Activity_IssueAssessmentSummary", cycle));
    Date standstillEnds = Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(10)));
    complete(task("Activity_PublishAwardNotice", cycle), withVariables("standstillApplies", true,
        "standstillEndsAt", standstillEnds));

    complete(task("Activity_WatchForChallenge", cycle));

    assertThat(cycle).isWaitingAt("Activity_RecordChallengeOutcome").isNotWaitingAt("Activity_AwardContract");
    org.assertj.core.api.Assertions.assertThat(managementService().createJobQuery()
        .activityId("Event_StandstillElapsed").count()).as("the standstill's own timer went with the task").isZero();
    complete(task("Activity_RecordChallengeOutcome", cycle));
    assertThat(cycle).as("the outcome came before the standstill's end: it still waits for it")
        .isWaitingAt("Event_StandstillEndsAfterChallenge").isNotWaitingAt("Activity_AwardContract");
    org.assertj.core.api.Assertions.assertThat(job("Event_StandstillEndsAfterChallenge", cycle).getDuedate())
        .isEqualTo(standstillEnds);
    execute(job("Event_StandstillEndsAfterChallenge", cycle));
    assertThat(cycle).isWaitingAt("Activity_AwardContract");
  }

  @Test
  void theContractDetailsNoticeIsDueOnTheDateTheContractSetsWithAReminderBefore() {
    ProcessInstance cycle = startBefore("Activity_AwardContract", "light-touch");
    Date due = Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(120)));
    Date remind = Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(115)));

    complete(task("Activity_AwardContract", cycle), withVariables("reviewDueAt", new Date(),
        "contractDetailsDueAt", due, "contractDetailsRemindAt", remind));

    org.camunda.bpm.engine.task.Task details = task("Activity_PublishContractDetails", cycle);
    org.assertj.core.api.Assertions.assertThat(details.getDueDate()).isEqualTo(due);
    org.assertj.core.api.Assertions.assertThat(details.getFollowUpDate()).isEqualTo(remind);
    assertThat(cycle).isNotWaitingAt("Event_ReviewDue");
  }

  @Test
  void recommissioningStartsAgainFromTheAnalyseGate() {
    ProcessInstance cycle = startBefore("Activity_DecideReviewOutcome");

    complete(task("Activity_DecideReviewOutcome", cycle), withVariables("reviewOutcome", "recommission"));

    assertThat(cycle).hasPassed("CallActivity_AnalyseGate").hasNotPassed("CallActivity_Feedback")
        .isWaitingAt("Activity_RecordContributionUse");
  }

  @Test
  void cancelledCycleGivesFeedbackThenCloses() {
    ProcessInstance cycle = start();
    assertThat(cycle).isWaitingAt("Activity_AgreeInvolvementPlan");

    runtimeService().createMessageCorrelation("CycleCancelled").processInstanceId(cycle.getId()).correlate();

    assertThat(cycle).hasPassed("CallActivity_CancellationFeedback").isWaitingAt("Activity_CloseCancelledCycle");
    execute(job("Activity_CloseCancelledCycle", cycle));
    assertThat(cycle).hasPassed("Event_CancelledCycleClosed").hasNotPassed("Event_CycleCompleted").isEnded();
  }

  private static Map<String, Object> startVariables() {
    return withVariables("cycleId", 9L, "commissioner", "commissioner");
  }

  private static ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey("commissioning-cycle", "9", startVariables());
  }

  private static ProcessInstance startBefore(String activityId) {
    return startBefore(activityId, "above-threshold");
  }

  /** A cycle started just before the activity, whose tender follows the route (its code). */
  private static ProcessInstance startBefore(String activityId, String route) {
    return runtimeService().createProcessInstanceByKey("commissioning-cycle").businessKey("9")
        .setVariables(startVariables()).setVariable("procurementRoute", route).startBeforeActivity(activityId)
        .execute();
  }

  /** Each bidder's summary is sent and the award notice published, with or without a standstill. */
  private static void publishAwardNotice(ProcessInstance cycle, boolean standstill) {
    taskQuery().taskDefinitionKey("Activity_IssueAssessmentSummary").list().forEach(t -> complete(t));
    complete(task("Activity_PublishAwardNotice", cycle), withVariables("standstillApplies", standstill,
        "standstillEndsAt", new Date()));
  }

  private static void awardContractAndPublishDetails(ProcessInstance cycle) {
    complete(task("Activity_AwardContract", cycle), withVariables("reviewDueAt", new Date(),
        "contractDetailsDueAt", new Date(), "contractDetailsRemindAt", new Date()));
    assertThat(cycle).isWaitingAt("Activity_PublishContractDetails");
    complete(task("Activity_PublishContractDetails", cycle));
  }

  /** Through the analyse and plan stages to one reviewer's review of the given draft. */
  private static ProcessInstance specificationInReview(int draftsThisPlan) {
    ProcessInstance cycle = start();
    assertThat(cycle).hasPassed("Activity_RegisterCycle");
    complete(task("Activity_AgreeInvolvementPlan", cycle));
    complete(task("Activity_RecordContributionUse", cycle));
    complete(task("Activity_WriteNeedsAssessment", cycle));
    complete(task("Activity_DraftSpecification", cycle),
        withVariables("reviewRound", draftsThisPlan, "draftsThisPlan", draftsThisPlan));
    assertThat(cycle).isWaitingAt("Activity_ReviewSpecification").task().isAssignedTo("expert1");
    return cycle;
  }
}
