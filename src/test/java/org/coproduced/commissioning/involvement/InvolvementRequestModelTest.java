package org.coproduced.commissioning.involvement;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.coproduced.commissioning.support.ModelBeans;
import org.coproduced.commissioning.support.ModelTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The involvement request model alone: a request is checked before anyone is asked, each
 * confirmed expert is invited, reminded, followed up or replaced, and the session's contributions
 * are recorded before recompense.
 */
@ModelTest
@Deployment(resources = InvolvementRequestModelTest.MODEL)
class InvolvementRequestModelTest {

  static final String MODEL = "processes/involvement-request.bpmn";
  static final long REQUEST = 5L;

  ModelBeans beans;

  @BeforeEach
  void mockBeans() {
    beans = ModelBeans.mockAllIn(MODEL)
        .returns("confirmedInvitationIds", List.of(41L))
        .returns("acceptedInvitationIds", List.of(41L))
        .returns("reminderAfter", "P5D")
        .returns("followUpAfter", "P10D")
        .returns("sessionReminderAt", new Date())
        .returns("sessionHeldAt", new Date())
        .returns("contributionCount", 1L);
  }

  @Test
  void unclearRequestIsSentBackToTheCommissioner() {
    ProcessInstance request = start();
    complete(task("Activity_DescribeRequest", request));

    complete(task("Activity_ReviewRequest", request), withVariables("requestDecision", "send-back"));

    assertThat(request).hasPassed("Gateway_RequestAccepted").hasNotPassed("Activity_ProposeExperts")
        .isWaitingAt("Activity_DescribeRequest")
        .task().isAssignedTo("commissioner");
  }

  @Test
  void acceptedInvitationLeadsToTheSessionContributionsAndRecompense() {
    ProcessInstance request = invitationsSent();

    complete(task("Activity_AnswerInvitation", request), withVariables("invitationAnswer", "accept"));
    assertThat(request).hasPassed("Event_PlaceTaken").isWaitingAt("Event_SessionDue");

    execute(job("Event_SessionDue", request));
    complete(task("Activity_RecordContribution", request), withVariables("attended", true));

    assertThat(request).hasPassed("Gateway_AnyContributions", "Activity_RecordRecompense",
        "Event_InvolvementCompleted").hasNotPassed("Activity_RecordPeerResearch").isEnded();
  }

  @Test
  void peerResearchOnlySkipsTheSessionAndEachResearcherRecordsWhatPeopleSaid() {
    beans.returns("peerResearchOnly", true).returns("peerResearchAsked", true)
        .returns("researcherInvitationIds", List.of(41L, 42L));
    ProcessInstance request = invitationsSent();

    complete(task("Activity_AnswerInvitation", request), withVariables("invitationAnswer", "accept"));

    assertThat(request).hasPassed("Gateway_SessionAsked", "Gateway_PeerResearchMerge")
        .hasNotPassed("SubProcess_AwaitSession", "Activity_RecordContribution")
        .isWaitingAt("Activity_RecordPeerResearch");
    org.assertj.core.api.Assertions.assertThat(taskQuery().processInstanceId(request.getId())
        .taskDefinitionKey("Activity_RecordPeerResearch").count()).isEqualTo(2);
    taskQuery().processInstanceId(request.getId()).list().forEach(t -> complete(t));

    assertThat(request).hasPassed("Gateway_AnyContributions", "Activity_RecordRecompense",
        "Event_InvolvementCompleted").isEnded();
  }

  @Test
  void aSessionWithPeerResearchRecordsTheSessionThenWhatThePeerResearchersGathered() {
    beans.returns("peerResearchAsked", true).returns("researcherInvitationIds", List.of(42L));
    ProcessInstance request = invitationsSent();
    complete(task("Activity_AnswerInvitation", request), withVariables("invitationAnswer", "accept"));
    execute(job("Event_SessionDue", request));

    complete(task("Activity_RecordContribution", request), withVariables("attended", true));

    assertThat(request).isWaitingAt("Activity_RecordPeerResearch");
    complete(task("Activity_RecordPeerResearch", request));
    assertThat(request).hasPassed("Activity_RecordContribution", "Activity_RecordPeerResearch",
        "Activity_RecordRecompense").isEnded();
  }

  @Test
  void peerResearchThatGatheredNothingAsksTheCommissionerAgain() {
    beans.returns("peerResearchOnly", true).returns("peerResearchAsked", true)
        .returns("researcherInvitationIds", List.of(41L)).returns("contributionCount", 0L);
    ProcessInstance request = invitationsSent();
    complete(task("Activity_AnswerInvitation", request), withVariables("invitationAnswer", "accept"));

    complete(task("Activity_RecordPeerResearch", request));

    assertThat(request).hasPassed("Gateway_AnyContributions").hasNotPassed("Activity_RecordRecompense")
        .isWaitingAt("Activity_DescribeRequest");
  }

  @Test
  void declinedInvitationWithAReplacementInvitesTheReplacement() {
    ProcessInstance request = invitationsSent();

    complete(task("Activity_AnswerInvitation", request),
        withVariables("invitationAnswer", "decline", "replacementFound", true));

    assertThat(request).hasPassed("Activity_FindReplacement", "Gateway_ReplacementFound").hasNotPassed("Event_NoReplacement")
        .isWaitingAt("Activity_AnswerInvitation");
  }

  @Test
  void declinedInvitationWithoutAReplacementLeavesThePlaceEmpty() {
    ProcessInstance request = invitationsSent();

    complete(task("Activity_AnswerInvitation", request),
        withVariables("invitationAnswer", "decline", "replacementFound", false));

    assertThat(request).hasPassed("Event_NoReplacement").hasNotPassed("Event_PlaceTaken")
        .isWaitingAt("Event_SessionDue");
  }

  @Test
  void reminderIsSentWhileTheInvitationStaysOpen() {
    ProcessInstance request = invitationsSent();

    execute(job("Event_ReminderDue", request));

    assertThat(request).hasPassed("Activity_SendReminder", "Event_ReminderSent")
        .isWaitingAt("Activity_AnswerInvitation");
  }

  @Test
  void unansweredInvitationIsFollowedUpAndTheAnswerRecorded() {
    ProcessInstance request = invitationsSent();

    execute(job("Event_NoAnswer", request));
    assertThat(request).isWaitingAt("Activity_FollowUpInvitation");
    complete(task("Activity_FollowUpInvitation", request), withVariables("invitationAnswer", "accept"));

    assertThat(request).hasPassed("Event_PlaceTaken").isWaitingAt("Event_SessionDue");
  }

  @Test
  void everyoneComingIsRemindedBeforeTheSessionIsHeld() throws Exception {
    ProcessInstance request = invitationsSent();
    complete(task("Activity_AnswerInvitation", request), withVariables("invitationAnswer", "accept"));

    execute(job("Event_SessionReminderDue", request));

    verify(beans.<JavaDelegate>bean("sessionReminderDelegate")).execute(any());
    assertThat(request).hasPassed("Activity_RemindExperts", "Event_EveryoneReminded")
        .hasNotPassed("Activity_RecordContribution").isWaitingAt("Event_SessionDue");
    execute(job("Event_SessionDue", request));
    assertThat(request).isWaitingAt("Activity_RecordContribution");
  }

  @Test
  void sessionWithoutContributionsGoesBackToTheCommissioner() {
    beans.returns("contributionCount", 0L);
    ProcessInstance request = runtimeService().createProcessInstanceByKey("involvement-request")
        .businessKey("3").setVariables(startVariables()).startBeforeActivity("Event_SessionDue")
        .execute();
    execute(job("Event_SessionDue", request));

    complete(task("Activity_RecordContribution", request), withVariables("attended", false));

    assertThat(request).hasPassed("Gateway_AnyContributions").hasNotPassed("Activity_RecordRecompense")
        .isWaitingAt("Activity_DescribeRequest");
  }

  @Test
  void coordinatorClosesTheRequestWhenNobodyCanTakePart() {
    ProcessInstance request = start();
    complete(task("Activity_DescribeRequest", request));

    complete(task("Activity_ReviewRequest", request), withVariables("requestDecision", "nobodyCanTakePart"));
    assertThat(request).isWaitingAt("Activity_RecordNobodyCouldTakePart")
        .task().hasCandidateGroup("coordinators");
    complete(task("Activity_RecordNobodyCouldTakePart", request));

    assertThat(request).hasPassed("Event_NobodyCouldTakePart").hasNotPassed("Activity_ProposeExperts",
        "Activity_RecordRecompense").isEnded();
  }

  private static java.util.Map<String, Object> startVariables() {
    return withVariables("cycleId", 3L, "commissioner", "commissioner", "stage", "ANALYSE", "requestId", REQUEST);
  }

  private static ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey("involvement-request", "3", startVariables());
  }

  /** Accepted, experts proposed and confirmed: one invitation waits for its answer. */
  private static ProcessInstance invitationsSent() {
    ProcessInstance request = start();
    complete(task("Activity_DescribeRequest", request));
    complete(task("Activity_ReviewRequest", request), withVariables("requestDecision", "accept"));
    assertThat(request).hasPassed("Activity_ProposeExperts").isWaitingAt("Activity_ConfirmExperts");
    complete(task("Activity_ConfirmExperts", request));
    assertThat(request).hasPassed("Activity_SendInvitation").isWaitingAt("Activity_AnswerInvitation");
    return request;
  }
}
