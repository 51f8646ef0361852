package org.coproduced.commissioning.experts;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.coproduced.commissioning.support.ModelBeans;
import org.coproduced.commissioning.support.ModelTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The expert onboarding model alone: each of the five actions reaches its own task and end. */
@ModelTest
@Deployment(resources = ExpertOnboardingModelTest.MODEL)
class ExpertOnboardingModelTest {

  static final String MODEL = "processes/expert-onboarding.bpmn";

  @BeforeEach
  void mockBeans() {
    ModelBeans.mockAllIn(MODEL);
  }

  @Test
  void joiningExpertHasTheirDetailsRecorded() {
    assertPath(ExpertOnboardingVariables.JOIN, "Activity_RecordExpertDetails", "Event_ExpertRecorded");
  }

  @Test
  void updatedExpertHasTheirDetailsRecorded() {
    assertPath(ExpertOnboardingVariables.UPDATE, "Activity_RecordExpertDetails", "Event_ExpertRecorded");
  }

  @Test
  void pausedExpertEndsPaused() {
    assertPath(ExpertOnboardingVariables.PAUSE, "Activity_PauseExpert", "Event_ExpertPaused");
  }

  @Test
  void leavingExpertEndsLeft() {
    assertPath(ExpertOnboardingVariables.LEAVE, "Activity_RecordExpertLeaving", "Event_ExpertLeft");
  }

  @Test
  void erasureEndsWithPersonalDataErased() {
    assertPath(ExpertOnboardingVariables.ERASE, "Activity_EraseExpert", "Event_ExpertErased");
  }

  private static void assertPath(String action, String task, String end) {
    ProcessInstance onboarding = runtimeService().startProcessInstanceByKey(ExpertOnboardingVariables.PROCESS_ID,
        withVariables(ExpertOnboardingVariables.ONBOARDING_ACTION, action, "initiator", "coordinator"));

    assertThat(onboarding).isWaitingAtExactly(task).task().isAssignedTo("coordinator");
    complete(task(onboarding));

    assertThat(onboarding).hasPassed(task, end).isEnded();
  }
}
