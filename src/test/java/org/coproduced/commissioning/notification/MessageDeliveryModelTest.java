package org.coproduced.commissioning.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.coproduced.commissioning.support.ModelBeans;
import org.coproduced.commissioning.support.ModelTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The message delivery model alone: sending waits for the deciding transaction (an asynchronous
 * step), and a failed send stays there to be retried instead of ending the process.
 */
@ModelTest
@Deployment(resources = MessageDeliveryModelTest.MODEL)
class MessageDeliveryModelTest {

  static final String MODEL = "processes/message-delivery.bpmn";

  ModelBeans beans;

  @BeforeEach
  void mockBeans() {
    beans = ModelBeans.mockAllIn(MODEL).returns("retryIntervals", "PT1M,PT5M");
  }

  @Test
  void messageIsSentOnlyAfterTheStartingTransactionThenTheProcessEnds() throws Exception {
    ProcessInstance delivery = runtimeService().startProcessInstanceByKey("message-delivery", "invitation/1/EX-0001");

    assertThat(delivery).isWaitingAt("Activity_SendMessage");
    verify(beans.<JavaDelegate>bean("sendMessageDelegate"), never()).execute(any());

    execute(job());

    assertThat(delivery).hasPassed("Activity_SendMessage").isEnded();
  }

  @Test
  void failedSendWaitsAtSendingWithRetriesLeft() throws Exception {
    doThrow(new IllegalStateException("mail server away")).when(beans.<JavaDelegate>bean("sendMessageDelegate"))
        .execute(any());
    ProcessInstance delivery = runtimeService().startProcessInstanceByKey("message-delivery", "invitation/2/EX-0002");

    Job send = job(delivery);
    assertThatThrownBy(() -> managementService().executeJob(send.getId())).hasMessageContaining("mail server away");

    assertThat(delivery).isWaitingAt("Activity_SendMessage");
    // Three attempts in all (the first, then after one and five minutes): two are left.
    assertThat(job(delivery).getRetries()).isEqualTo(2);
    assertThat(job(delivery).getDuedate()).isAfter(send.getDuedate() == null ? new java.util.Date(0) : send.getDuedate());
  }
}
