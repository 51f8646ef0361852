package org.coproduced.commissioning.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which names in a model's expressions are beans to mock, and which are process variables. */
class ModelBeansTest {

  @Test
  void delegatesAndBeansWhoseMethodsAreCalledAreBeansButVariablesAreNot() {
    String model = """
        <bpmn:serviceTask camunda:delegateExpression="${sendMessageDelegate}" />
        <camunda:taskListener expression="${execution.setVariableLocal('bid.Name', procurementService.bidName(bidId))}" />
        <bpmn:conditionExpression>${onboardingAction == 'join' || draftsThisPlan >= 3}</bpmn:conditionExpression>
        <bpmn:timeDuration>${involvementSchedule.reminderAfter()}</bpmn:timeDuration>
        <bpmn:userTask camunda:assignee="${commissioner}" />
        <camunda:in businessKey="#{execution.processBusinessKey}" />
        """;

    assertThat(ModelBeans.beanNames(model))
        .containsExactly("involvementSchedule", "procurementService", "sendMessageDelegate");
  }
}
