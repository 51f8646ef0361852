package org.coproduced.commissioning.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.coproduced.commissioning.support.ApplicationTest;
import org.coproduced.commissioning.support.CycleDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The runtime guard: a cycle with contributors still waiting for feedback cannot end, whichever
 * way the end is reached; only an administrator may delete it, with a reason that is recorded.
 */
@ApplicationTest
class CycleEndGuardTest {

  @Autowired ProcessEngine engine;

  CycleDriver driver;
  ProcessInstance cycle;
  String bk;

  /** A cycle whose ANALYSE gate has contributions nobody has been told about yet. */
  @BeforeEach
  void cycleWithContributorsWaiting() {
    driver = new CycleDriver(engine);
    cycle = driver.startCycle("Guard test");
    bk = cycle.getBusinessKey();
    driver.agreePlan(bk);
    driver.passGate(bk);
    assertThat(cycle).isWaitingAt("Activity_RecordContributionUse");
  }

  @Test
  void theApplicationRefusesToDeployAModelThatSkipsAGate() throws Exception {
    long before = engine.getRepositoryService().createDeploymentQuery().count();
    try (var model = getClass().getResourceAsStream("/modelcheck/broken/inclusive-gateway-bypass.bpmn")) {
      assertThatThrownBy(() -> engine.getRepositoryService().createDeployment()
          .addInputStream("inclusive-gateway-bypass.bpmn", model).deploy())
          .hasMessageContaining("Deployment refused");
    }
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(before);
  }

  @Test
  void modificationJumpingToTheEndIsRefused() {
    assertThatThrownBy(() -> engine.getRuntimeService().createProcessInstanceModification(cycle.getId())
        .cancelAllForActivity("Activity_RecordContributionUse")
        .startBeforeActivity("Event_CycleCompleted")
        .execute())
        .hasMessageContaining("cannot end while");

    assertThat(cycle).isWaitingAt("Activity_RecordContributionUse");
  }

  @Test
  void skippingCustomListenersDoesNotBypassTheGuard() {
    assertThatThrownBy(() -> engine.getRuntimeService().createProcessInstanceModification(cycle.getId())
        .cancelAllForActivity("Activity_RecordContributionUse")
        .execute(true, true))
        .hasMessageContaining("cannot end while");

    assertThat(cycle).isWaitingAt("Activity_RecordContributionUse");
  }

  @Test
  void startingAfterTheFeedbackStepIsRefused() {
    assertThatThrownBy(() -> engine.getRuntimeService().createProcessInstanceModification(cycle.getId())
        .cancelAllForActivity("Activity_RecordContributionUse")
        .startAfterActivity("Activity_CloseCycle")
        .execute())
        .hasMessageContaining("cannot end while");

    assertThat(cycle).isNotEnded();
  }

  @Test
  void onlyAnAdministratorMayDeleteARunningCycle() {
    assertThatThrownBy(() -> driver.as(CycleDriver.COMMISSIONER, () -> {
      engine.getRuntimeService().deleteProcessInstance(cycle.getId(), "No longer needed");
      return null;
    })).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> driver.as("auditor", () -> {
      engine.getRuntimeService().deleteProcessInstance(cycle.getId(), "No longer needed");
      return null;
    })).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> driver.as("admin", () -> {
      engine.getRuntimeService().deleteProcessInstance(cycle.getId(), null);
      return null;
    })).hasMessageContaining("must give a reason");
    assertThat(cycle).isNotEnded();
  }

  @Test
  void anAdministratorsDeletionIsRecordedWithItsReason() {
    driver.as("admin", () -> {
      engine.getRuntimeService().deleteProcessInstance(cycle.getId(), "Created by mistake: duplicate of cycle 12");
      return null;
    });

    assertThat(cycle).isEnded();
    List<UserOperationLogEntry> log = engine.getHistoryService().createUserOperationLogQuery()
        .processInstanceId(cycle.getId()).operationType(UserOperationLogEntry.OPERATION_TYPE_DELETE).list();
    assertThat(log).isNotEmpty();
    assertThat(log).allMatch(entry -> "admin".equals(entry.getUserId()));
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(cycle.getId())
        .singleResult().getDeleteReason()).isEqualTo("Created by mistake: duplicate of cycle 12");
  }
}
