package org.coproduced.commissioning.involvement.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
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
 * The arrangement model alone: one task for the coordinators, named for the expert and the
 * session, due when the application says; completing it records what was arranged and ends it.
 */
@ModelTest
@Deployment(resources = ArrangeAccessNeedsModelTest.MODEL)
class ArrangeAccessNeedsModelTest {

  static final String MODEL = "processes/arrange-access-needs.bpmn";

  ModelBeans beans;

  @BeforeEach
  void mockBeans() {
    beans = ModelBeans.mockAllIn(MODEL);
  }

  @Test
  void theCoordinatorsGetATaskNamedForTheExpertAndTheSessionDueBeforeIt() {
    Date due = Date.from(LocalDateTime.of(2027, 3, 10, 17, 0).atZone(ZoneId.systemDefault()).toInstant());
    ProcessInstance arrangement = start(due);

    assertThat(arrangement).isWaitingAt("Activity_ArrangeAccessNeeds");
    Task arrange = task(arrangement);
    assertThat(arrange.getName()).isEqualTo("Arrange what EX-0003 needs for the session on Friday 12 March 2027");
    assertThat(arrange.getDueDate()).isEqualTo(due);
    assertThat(arrange).hasCandidateGroup("coordinators").isNotAssigned();
    assertThat(taskService().getIdentityLinksForTask(arrange.getId())).hasSize(1);
  }

  @Test
  void arrangingEndsItAndTheListenerRecordsWhatWasArranged() throws Exception {
    ProcessInstance arrangement = start(new Date());

    complete(task(arrangement), withVariables("privateAccessArranged", "Ground-floor room booked."));

    verify(beans.<TaskListener>bean("accessArrangementListener")).notify(any());
    assertThat(arrangement).hasPassed("Activity_ArrangeAccessNeeds").isEnded();
  }

  private static ProcessInstance start(Date due) {
    return runtimeService().startProcessInstanceByKey("arrange-access-needs", "invitation/7", Map.of(
        "invitationId", 7L, "requestId", 3L, "expertRef", "EX-0003", "sessionDay", "Friday 12 March 2027",
        "arrangeBy", due));
  }
}
