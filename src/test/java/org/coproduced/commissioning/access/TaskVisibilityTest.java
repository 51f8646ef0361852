package org.coproduced.commissioning.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Experts see their own tasks only, as Tasklist shows them: a task query run as the signed-in
 * user with authorization checks on. The test process is shaped like an invitation: assigned to
 * one expert, with the coordinators as candidates.
 */
@AccessTest
class TaskVisibilityTest {

  private static final String PROCESS = "access-test-expert-task";
  private static final String FORM = "access-test-answer";
  /** Signed-in users must page their queries (query-max-results-limit), as Tasklist does. */
  private static final int PAGE = 50;

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired IdentityService identity;

  private String deploymentId;

  @BeforeEach
  void deployAndStartOneTaskForEachOfTwoExperts() {
    deploymentId = repository.createDeployment()
        .addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("Activity_AnswerInvitation").camundaAssignee("${invitee}").camundaCandidateGroups("coordinators")
            .camundaFormRef(FORM).camundaFormRefBinding("deployment")
            .endEvent()
            .done())
        .addString(FORM + ".form", "{\"id\": \"" + FORM + "\", \"type\": \"default\", \"components\": []}")
        .deploy().getId();
    runtime.startProcessInstanceByKey(PROCESS, Map.of("invitee", "expert1"));
    runtime.startProcessInstanceByKey(PROCESS, Map.of("invitee", "expert2"));
  }

  @AfterEach
  void removeTestProcess() {
    identity.clearAuthentication();
    repository.deleteDeployment(deploymentId, true);
  }

  @Test
  void expertSeesOnlyTheTaskAssignedToThem() {
    assertThat(assigneesSeenBy("expert1", "experts")).containsExactly("expert1");
    assertThat(assigneesSeenBy("expert2", "experts")).containsExactly("expert2");
    assertThat(assigneesSeenBy("expert3", "experts")).isEmpty();
  }

  @Test
  void expertOpensAndSubmitsTheFormOfTheirTaskWithNoFurtherGrants() throws Exception {
    Task task = taskOf("expert1");
    identity.setAuthentication("expert1", List.of("experts"));

    // What Tasklist asks for when an expert opens the task: the Camunda Form and its variables.
    try (InputStream form = forms.getDeployedTaskForm(task.getId())) {
      assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains(FORM);
    }
    assertThat(forms.getTaskFormVariables(task.getId())).containsKey("invitee");
    forms.submitTaskForm(task.getId(), Map.of("invitationAnswer", "accept"));

    identity.clearAuthentication();
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
  }

  @Test
  void coordinatorsSeeEveryTaskOfferedToThem() {
    assertThat(assigneesSeenBy("coordinator", "coordinators")).containsExactlyInAnyOrder("expert1", "expert2");
  }

  @Test
  void commissionersAndAuditorsSeeOnlyWhatTheirGrantsAllow() {
    assertThat(assigneesSeenBy("commissioner", "commissioners")).isEmpty();
    // Auditors read every task in Cockpit; they cannot work on them.
    assertThat(assigneesSeenBy("auditor", "auditors")).containsExactlyInAnyOrder("expert1", "expert2");
  }

  @Test
  void expertCannotCompleteAnotherExpertsTask() {
    Task expert2Task = taskOf("expert2");
    identity.setAuthentication("expert1", List.of("experts"));

    assertThatThrownBy(() -> tasks.complete(expert2Task.getId())).isInstanceOf(AuthorizationException.class);
  }

  @Test
  void expertLosesTheTaskWhenACoordinatorTakesItOver() {
    Task task = taskOf("expert1");
    identity.setAuthentication("coordinator", List.of("coordinators"));
    tasks.setAssignee(task.getId(), "coordinator");
    identity.clearAuthentication();

    assertThat(assigneesSeenBy("expert1", "experts")).isEmpty();
    identity.setAuthentication("expert1", List.of("experts"));
    assertThatThrownBy(() -> tasks.complete(task.getId())).isInstanceOf(AuthorizationException.class);
  }

  @Test
  void taskHandedFromOneExpertToAnotherMovesWithIt() {
    Task task = taskOf("expert1");
    identity.setAuthentication("coordinator", List.of("coordinators"));
    tasks.setAssignee(task.getId(), "expert3");
    identity.clearAuthentication();

    assertThat(assigneesSeenBy("expert1", "experts")).isEmpty();
    assertThat(assigneesSeenBy("expert3", "experts")).containsExactly("expert3");
  }

  @Test
  void expertLosesTheTaskWhenItIsHandedBackToTheQueue() {
    Task task = taskOf("expert1");
    identity.setAuthentication("coordinator", List.of("coordinators"));
    tasks.setAssignee(task.getId(), null);
    identity.clearAuthentication();

    assertThat(assigneesSeenBy("expert1", "experts")).isEmpty();
    assertThat(tasks.createTaskQuery().processDefinitionKey(PROCESS).taskUnassigned().count()).isEqualTo(1);
  }

  @Test
  void candidateUserKeepsTheTaskAfterHandingItOn() {
    Task task = taskOf("expert1");
    tasks.addCandidateUser(task.getId(), "expert1");
    tasks.setAssignee(task.getId(), "expert3");

    assertThat(tasks.createTaskQuery().processDefinitionKey(PROCESS).taskAssignee("expert3").count()).isEqualTo(1);
    identity.setAuthentication("expert1", List.of("experts"));
    assertThat(tasks.createTaskQuery().processDefinitionKey(PROCESS).listPage(0, PAGE)).extracting(Task::getId)
        .containsExactly(task.getId());
  }

  private Task taskOf(String assignee) {
    return tasks.createTaskQuery().processDefinitionKey(PROCESS).taskAssignee(assignee).singleResult();
  }

  private List<String> assigneesSeenBy(String userId, String group) {
    identity.setAuthentication(userId, List.of(group));
    try {
      return tasks.createTaskQuery().processDefinitionKey(PROCESS).listPage(0, PAGE).stream().map(Task::getAssignee).toList();
    } finally {
      identity.clearAuthentication();
    }
  }
}
