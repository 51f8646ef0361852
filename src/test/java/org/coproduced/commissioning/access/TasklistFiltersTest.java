package org.coproduced.commissioning.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coproduced.commissioning.access.TasklistFilters.COMMISSIONING_TASKS;
import static org.coproduced.commissioning.access.TasklistFilters.COORDINATOR_QUEUE;
import static org.coproduced.commissioning.access.TasklistFilters.MY_TASKS;
import static org.coproduced.commissioning.access.TasklistFilters.WAITING_FOR_FEEDBACK;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The filters people start from in Tasklist, run the way Tasklist runs them: as the signed-in
 * user, with authorization checks on. Needs expressions in stored queries (see {@link AccessTest}).
 */
@AccessTest
class TasklistFiltersTest {

  private static final String PROCESS = "access-test-filters";
  private static final int PAGE = 50;

  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  @Autowired TasklistFilters tasklistFilters;

  private String deploymentId;

  /** One of each kind of task, for two cycles run by different commissioners and experts. */
  @BeforeEach
  void startTwoInstancesWithTasksForEveryone() {
    deploymentId = repository.createDeployment()
        .addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
            .startEvent().parallelGateway("fork")
            .userTask("Activity_ExpertTask").camundaAssignee("${expert}").camundaCandidateGroups("coordinators")
            .endEvent()
            .moveToNode("fork").userTask("Activity_FollowUpFeedback").camundaCandidateGroups("coordinators")
            .endEvent()
            .moveToNode("fork").userTask("Activity_CommissionerTask").camundaAssignee("${commissioner}")
            .endEvent()
            .moveToNode("fork").userTask("Activity_OpenToCommissioners").camundaCandidateGroups("commissioners")
            .endEvent()
            .done())
        .deploy().getId();
    runtime.startProcessInstanceByKey(PROCESS, Map.of("expert", "expert1", "commissioner", "commissioner"));
    runtime.startProcessInstanceByKey(PROCESS, Map.of("expert", "expert2", "commissioner", "commissioner2"));
  }

  @AfterEach
  void removeTestProcess() {
    identity.clearAuthentication();
    repository.deleteDeployment(deploymentId, true);
  }

  @Test
  void eachGroupSeesOnlyItsOwnFilters() {
    assertThat(filterNamesFor("expert1", "experts")).containsExactly(MY_TASKS);
    assertThat(filterNamesFor("coordinator", "coordinators"))
        .containsExactlyInAnyOrder(MY_TASKS, COORDINATOR_QUEUE, WAITING_FOR_FEEDBACK);
    assertThat(filterNamesFor("commissioner", "commissioners")).containsExactlyInAnyOrder(MY_TASKS, COMMISSIONING_TASKS);
    assertThat(filterNamesFor("auditor", "auditors")).containsExactly(MY_TASKS);
  }

  @Test
  void applyingAgainCreatesNoSecondCopy() {
    tasklistFilters.apply();

    for (String name : List.of(MY_TASKS, COORDINATOR_QUEUE, COMMISSIONING_TASKS, WAITING_FOR_FEEDBACK)) {
      assertThat(filters.createTaskFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
    }
  }

  @Test
  void myTasksShowsAnExpertOnlyTheTasksAssignedToThem() {
    assertThat(run(MY_TASKS, "expert1", "experts")).containsExactly("Activity_ExpertTask expert1");
    assertThat(run(MY_TASKS, "expert2", "experts")).containsExactly("Activity_ExpertTask expert2");
  }

  @Test
  void coordinatorQueueShowsCoordinatorsTasksWhoeverHoldsThem() {
    assertThat(run(COORDINATOR_QUEUE, "coordinator", "coordinators")).containsExactlyInAnyOrder(
        "Activity_ExpertTask expert1", "Activity_ExpertTask expert2",
        "Activity_FollowUpFeedback null", "Activity_FollowUpFeedback null");
  }

  @Test
  void commissioningTasksShowTheCommissionersOwnAndOpenTasks() {
    assertThat(run(COMMISSIONING_TASKS, "commissioner", "commissioners")).containsExactlyInAnyOrder(
        "Activity_CommissionerTask commissioner",
        "Activity_OpenToCommissioners null", "Activity_OpenToCommissioners null");
  }

  @Test
  void waitingForFeedbackShowsFollowUps() {
    assertThat(run(WAITING_FOR_FEEDBACK, "coordinator", "coordinators")).containsExactly(
        "Activity_FollowUpFeedback null", "Activity_FollowUpFeedback null");
  }

  private List<String> filterNamesFor(String userId, String group) {
    identity.setAuthentication(userId, List.of(group));
    try {
      return filters.createTaskFilterQuery().listPage(0, PAGE).stream().map(Filter::getName).toList();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The filter's tasks of the test process, as "taskKey assignee". */
  private List<String> run(String filterName, String userId, String group) {
    String filterId = filters.createTaskFilterQuery().filterName(filterName).singleResult().getId();
    identity.setAuthentication(userId, List.of(group));
    try {
      List<Task> found = filters.listPage(filterId, tasks.createTaskQuery().processDefinitionKey(PROCESS), 0, PAGE);
      return found.stream().map(task -> task.getTaskDefinitionKey() + " " + task.getAssignee()).toList();
    } finally {
      identity.clearAuthentication();
    }
  }
}
