package org.coproduced.commissioning.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;

import java.util.Map;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.coproduced.commissioning.support.ModelBeans;
import org.coproduced.commissioning.support.ModelTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reply model alone: one task for the coordinators, named for the expert who wrote back;
 * completing it hands the answer to the listener and ends it.
 */
@ModelTest
@Deployment(resources = FeedbackReplyModelTest.MODEL)
class FeedbackReplyModelTest {

  static final String MODEL = "processes/feedback-reply.bpmn";

  ModelBeans beans;

  @BeforeEach
  void mockBeans() {
    beans = ModelBeans.mockAllIn(MODEL);
  }

  @Test
  void theCoordinatorsGetATaskNamedForTheExpertWhoWroteBack() {
    ProcessInstance reply = start();

    assertThat(reply).isWaitingAt("Activity_AnswerFeedbackReply");
    Task answer = task(reply);
    assertThat(answer.getName()).isEqualTo("Answer the reply from EX-0005");
    assertThat(answer).hasCandidateGroup("coordinators").isNotAssigned();
    assertThat(taskService().getIdentityLinksForTask(answer.getId())).hasSize(1);
  }

  @Test
  void answeringEndsItAndTheListenerKeepsAndSendsTheAnswer() throws Exception {
    ProcessInstance reply = start();

    complete(task(reply), withVariables("privateReplyAnswer", "Thank you, we will.", "toldHow", "post"));

    verify(beans.<TaskListener>bean("feedbackReplyAnswerListener")).notify(any());
    assertThat(reply).hasPassed("Activity_AnswerFeedbackReply").isEnded();
  }

  private static ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey("feedback-reply", "feedback-reply/12/EX-0005", Map.of(
        "cycleId", 12L, "expertRef", "EX-0005", "answerBy", "by post", "answerByEmail", false));
  }
}
