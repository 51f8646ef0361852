package org.coproduced.commissioning.feedback;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.coproduced.commissioning.support.ModelBeans;
import org.coproduced.commissioning.support.ModelTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The feedback delivery model alone: answers are reworded until they are plain English, then each
 * contributor is reached on their own channel, and whoever does not confirm is followed up.
 */
@ModelTest
@Deployment(resources = FeedbackDeliveryModelTest.MODEL)
class FeedbackDeliveryModelTest {

  static final String MODEL = "processes/feedback-delivery.bpmn";
  static final String CONTRIBUTOR = "EX-0001";

  ModelBeans beans;

  @BeforeEach
  void mockBeans() {
    beans = ModelBeans.mockAllIn(MODEL)
        .returns("contributionIdsToAnswer", List.of(11L))
        .returns("contributorRefs", List.of(CONTRIBUTOR))
        .returns("tasklistUserOf", "expert1")
        .returns("followUpAfter", "P14D");
  }

  @Test
  void answersNotInPlainEnglishGoBackToBeReworded() {
    ProcessInstance feedback = start();
    assertThat(feedback).isWaitingAt("Activity_AnswerContribution").task().isAssignedTo("commissioner");
    complete(task(feedback));

    complete(task("Activity_CheckPlainEnglish", feedback), withVariables("plainEnglishOk", "no"));

    assertThat(feedback).hasPassed("Gateway_PlainEnglish").hasNotPassed("SubProcess_DeliverFeedback")
        .isWaitingAt("Activity_AnswerContribution");
  }

  @Test
  void contributorInTasklistReadsTheirFeedbackAndDeliveryCompletes() {
    beans.returns("deliveryChannel", "tasklist");
    ProcessInstance feedback = answeredInPlainEnglish();

    assertThat(feedback).isWaitingAt("Activity_AcknowledgeFeedback").task().isAssignedTo("expert1");
    complete(task("Activity_AcknowledgeFeedback", feedback));

    assertDeliveredToEveryone(feedback);
  }

  @Test
  void contributorInTasklistWhoDoesNotReplyIsFollowedUp() {
    beans.returns("deliveryChannel", "tasklist");
    ProcessInstance feedback = answeredInPlainEnglish();

    execute(job("Event_NoAcknowledgement", feedback));

    assertThat(feedback).isWaitingAt("Activity_FollowUpFeedback");
    complete(task("Activity_FollowUpFeedback", feedback));
    assertDeliveredToEveryone(feedback);
  }

  @Test
  void contributorByEmailConfirmsThroughTheirLinkAndDeliveryCompletes() {
    beans.returns("deliveryChannel", "email");
    ProcessInstance feedback = answeredInPlainEnglish();
    assertThat(feedback).hasPassed("Activity_SendFeedback").isWaitingAt("Activity_AwaitAcknowledgement");

    runtimeService().createMessageCorrelation("FeedbackAcknowledged").processInstanceId(feedback.getId())
        .localVariableEquals("awaitingRef", CONTRIBUTOR).correlate();

    assertDeliveredToEveryone(feedback);
  }

  @Test
  void contributorByEmailWhoDoesNotConfirmIsFollowedUp() {
    beans.returns("deliveryChannel", "email");
    ProcessInstance feedback = answeredInPlainEnglish();

    execute(job("Event_NoEmailAcknowledgement", feedback));

    assertThat(feedback).isWaitingAt("Activity_FollowUpFeedback");
    complete(task("Activity_FollowUpFeedback", feedback));
    assertDeliveredToEveryone(feedback);
  }

  @Test
  void contributorWithoutEmailOrTasklistGetsFeedbackOffline() {
    beans.returns("deliveryChannel", "post");
    ProcessInstance feedback = answeredInPlainEnglish();

    assertThat(feedback).isWaitingAt("Activity_DeliverFeedbackOffline");
    complete(task("Activity_DeliverFeedbackOffline", feedback));

    assertDeliveredToEveryone(feedback);
  }

  private static ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey("feedback-delivery", "7",
        withVariables("cycleId", 7L, "commissioner", "commissioner"));
  }

  private static ProcessInstance answeredInPlainEnglish() {
    ProcessInstance feedback = start();
    complete(task("Activity_AnswerContribution", feedback));
    complete(task("Activity_CheckPlainEnglish", feedback), withVariables("plainEnglishOk", "yes"));
    return feedback;
  }

  /** The completion check is an asynchronous step after the last delivery. */
  private static void assertDeliveredToEveryone(ProcessInstance feedback) {
    assertThat(feedback).isWaitingAt("Activity_ConfirmFeedbackComplete");
    execute(job(feedback));
    assertThat(feedback).hasPassed("Event_FeedbackReceived", "Activity_ConfirmFeedbackComplete").isEnded();
  }
}
