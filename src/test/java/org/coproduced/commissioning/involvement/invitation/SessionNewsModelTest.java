package org.coproduced.commissioning.involvement.invitation;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;

import java.util.Map;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.coproduced.commissioning.support.ModelBeans;
import org.coproduced.commissioning.support.ModelTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The session news model alone: one coordinator task, named for the person, then done. */
@ModelTest
@Deployment(resources = {SessionNewsModelTest.MODEL, "forms/tell-expert-about-session.form"})
class SessionNewsModelTest {

  static final String MODEL = "processes/session-news.bpmn";

  ModelBeans beans;

  @BeforeEach
  void mockBeans() {
    beans = ModelBeans.mockAllIn(MODEL);
  }

  @Test
  void coordinatorsTellTheExpertThenTheNewsIsDelivered() {
    ProcessInstance news = runtimeService().startProcessInstanceByKey("session-news", "42",
        Map.of("expertRef", "EX-0005", "invitationId", 7L, "requestId", 3L, "news", "SESSION_CALLED_OFF"));

    assertThat(news).isWaitingAt("Activity_TellExpert");
    assertThat(task()).hasName("Tell EX-0005 about their session").hasCandidateGroup("coordinators");

    complete(task(), withVariables("contactMethod", "phone"));

    verify(beans.<TaskListener>bean("sessionNewsListener")).notify(any());
    assertThat(news).hasPassed("Activity_TellExpert").isEnded();
  }
}
