package org.coproduced.commissioning.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.SessionMove;
import org.coproduced.commissioning.involvement.invitation.SessionChanges;
import org.coproduced.commissioning.modelcheck.ReleasedDeployment;
import org.coproduced.commissioning.support.ApplicationTest;
import org.coproduced.commissioning.support.CycleDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An administrator moves instances started on release 0.1.0 onto the current models: a gate
 * waiting for its request to be described moves, and then runs to its end on the current model;
 * a version without a tested plan is refused and nothing moves.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrationPlansTest {

  @Autowired ProcessEngine engine;
  @Autowired MigrationPlans plans;
  @Autowired CycleRepository cycles;
  @Autowired SessionChanges changes;
  @Autowired InvolvementRequestRepository requests;

  ReleasedDeployment release;

  @BeforeAll
  void deployThePreviousReleaseThenTheCurrentOne() {
    release = new ReleasedDeployment(engine);
    release.deploy();
  }

  @AfterAll
  void removeThem() {
    release.remove();
  }

  @Test
  void aReleasedGateWaitingAtATaskMovesToTheLatestVersionAndRunsToItsEnd() {
    ProcessInstance gate = releasedGate("Gate moved at the upgrade");

    new MigrationOnStart(plans, List.of(" involvement-request:1 ")).migrate();

    String latest = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("involvement-request")
        .latestVersion().singleResult().getId();
    // What Cockpit shows: the instance on the latest version, none left on version tag 1.
    assertThat(instance(gate).getProcessDefinitionId()).isEqualTo(latest);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionId(release.releasedDefinition("involvement-request")).count()).isZero();
    new CycleDriver(engine).passGate(gate.getBusinessKey());
    assertThat(gate).isEnded().hasPassed("Activity_RecordContribution");
  }

  @Test
  void aVersionWithoutAPlanIsRefusedAndNothingMoves() {
    ProcessInstance gate = releasedGate("Gate with an unknown version asked for");

    assertThatThrownBy(() -> new MigrationOnStart(plans, List.of("involvement-request:1", "commissioning-cycle:1")).migrate())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("coproduction.upgrade.migrate-on-start names versions without a migration plan: "
            + "commissioning-cycle:1. Nothing was moved. Versions with a plan: involvement-request:1.");
    assertThatThrownBy(() -> plans.migrateToLatest("involvement-request", "9"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no migration plan for involvement-request version tag 9");

    assertThat(instance(gate).getProcessDefinitionId()).isEqualTo(release.releasedDefinition("involvement-request"));
  }

  @Test
  void aReleasedGateInvitingExpertsCanMoveItsSessionOnceMovedToTheLatestVersion() {
    ProcessInstance gate = releasedGate("Released gate whose session moves");
    String bk = gate.getBusinessKey();
    CycleDriver driver = new CycleDriver(engine);
    LocalDate day = CycleDriver.nextSessionDate();
    driver.describeRequest(bk, day, 2);
    driver.acceptRequest(bk);
    driver.confirmExperts(bk);
    int invited = driver.tasks(bk, "Activity_AnswerInvitation").size();
    long requestId = Collections.max(requests.idsOfCycle(Long.parseLong(bk)));
    SessionMove move = new SessionMove(day.plusDays(7), "14:00", "online", "Online: the link comes with the papers.",
        "The hall is closed for repairs that week.", null);

    // The released model has no events for a moved session: the coordinator is told what to do, nothing changes.
    assertThatThrownBy(() -> changes.move(requestId, move, CycleDriver.COORDINATOR))
        .isInstanceOf(FormInputException.class).hasMessageContaining("earlier version of the process");
    assertThat(requests.get(requestId).sessionDate()).isEqualTo(day);

    new MigrationOnStart(plans, List.of("involvement-request:1")).migrate();
    changes.move(requestId, move, CycleDriver.COORDINATOR);

    assertThat(requests.get(requestId).sessionDate()).isEqualTo(day.plusDays(7));
    assertThat(driver.tasks(bk, "Activity_AnswerInvitation")).hasSize(invited);
    driver.acceptAllInvitations(bk);
    driver.recordContributions(bk);
    assertThat(gate).isEnded().hasPassed("Event_SessionMovedWhileInviting", "Activity_RecordContribution");
  }

  /** A gate started on 0.1.0's model, as an old cycle would, waiting for its request to be described. */
  private ProcessInstance releasedGate(String title) {
    long cycleId = cycles.insert(title, "housing-homelessness", "under-100k", "Experts will shape the service.",
        "Better outcomes", "Spring", "commissioner", null);
    ProcessInstance gate = engine.getRuntimeService().startProcessInstanceById(release.releasedDefinition("involvement-request"),
        String.valueOf(cycleId), Map.of("cycleId", cycleId, "commissioner", "commissioner", "stage", "ANALYSE"));
    assertThat(gate).isWaitingAt("Activity_DescribeRequest");
    return gate;
  }

  private ProcessInstance instance(ProcessInstance gate) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(gate.getId()).singleResult();
  }
}
