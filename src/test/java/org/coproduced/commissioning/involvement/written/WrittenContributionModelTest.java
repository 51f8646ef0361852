package org.coproduced.commissioning.involvement.written;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.coproduced.commissioning.support.ModelBeans;
import org.coproduced.commissioning.support.ModelTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The model alone: each way of asking (Tasklist, email link, coordinator), asking to talk instead
 * of writing, and the gate's session notes closing whatever still waits.
 */
@ModelTest
@Deployment(resources = WrittenContributionModelTest.MODEL)
class WrittenContributionModelTest {

  static final String MODEL = "processes/written-contribution.bpmn";

  ModelBeans beans;

  @BeforeEach
  void mockBeans() {
    beans = ModelBeans.mockAllIn(MODEL);
  }

  @Test
  void someoneWhoUsesTasklistGetsTheirOwnTaskToWrite() {
    ProcessInstance offer = start("tasklist");

    assertThat(offer).isWaitingAt("Activity_WriteContribution");
    assertThat(task(offer)).isAssignedTo("expert1");
    complete(task(offer));

    verify(beans.<TaskListener>bean("writtenContributionListener")).notify(any());
    assertThat(offer).hasPassed("Event_ThoughtsIn").isEnded();
  }

  @Test
  void someoneWhoReadsEmailIsSentTheOfferAndTheLinkEndsIt() throws Exception {
    ProcessInstance offer = start("email");

    verify(beans.<JavaDelegate>bean("offerWrittenContributionDelegate")).execute(any());
    assertThat(offer).isWaitingAt("Gateway_LinkAnswer");
    correlate(WrittenContributionVariables.SENT_MESSAGE);

    assertThat(offer).hasPassed("Event_ThoughtsSent").hasNotPassed("Activity_TakeDownContribution").isEnded();
  }

  @Test
  void someoneWhoWouldRatherTalkGetsACoordinator() {
    ProcessInstance offer = start("email");

    correlate(WrittenContributionVariables.TAKE_DOWN_MESSAGE);

    assertThat(offer).isWaitingAt("Activity_TakeDownContribution");
    assertThat(task(offer)).hasCandidateGroup("coordinators");
  }

  @Test
  void someoneReachedByPostOrPhoneGetsACoordinator() {
    ProcessInstance offer = start("coordinator");

    assertThat(offer).isWaitingAt("Activity_TakeDownContribution");
    complete(task(offer));
    assertThat(offer).isEnded();
  }

  @Test
  void theGatesSessionNotesClosingEndsWhateverStillWaits() {
    for (String askBy : new String[] {"tasklist", "email", "coordinator"}) {
      ProcessInstance offer = start(askBy);

      correlate(WrittenContributionVariables.WINDOW_CLOSED_MESSAGE);

      assertThat(offer).hasPassed("Event_OfferClosed").hasNotPassed("Event_ThoughtsIn").isEnded();
    }
  }

  private static ProcessInstance start(String askBy) {
    Map<String, Object> variables = new HashMap<>(Map.of("invitationId", 7L, "requestId", 3L, "cycleId", 1L,
        "expertRef", "EX-0001", "askBy", askBy, "whatIsAsked", "Tell us about night outreach."));
    variables.put("expertUser", "expert1");
    return runtimeService().startProcessInstanceByKey(WrittenContributionVariables.PROCESS_ID,
        WrittenContributionVariables.businessKey(7), variables);
  }

  private static void correlate(String message) {
    runtimeService().createMessageCorrelation(message).processInstanceBusinessKey(WrittenContributionVariables.businessKey(7))
        .correlate();
  }
}
