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
  /** Tasklist shows these task variables beside each task's name, under these labels. */
  private static final List<Map<String, String>> COLUMNS = List.of(Map.of("name", "tasklistCycle", "label", "Cycle"),
      Map.of("name", "tasklistStage", "label", "Stage"), Map.of("name", "tasklistAbout", "label", "About"),
      Map.of("name", "tasklistSession", "label", "Session"));

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
  void everyFilterListsTheCycleStageWhomOrWhatAndSessionBesideEachTask() {
    for (String name : List.of(MY_TASKS, COORDINATOR_QUEUE, COMMISSIONING_TASKS, WAITING_FOR_FEEDBACK)) {
      assertThat(filter(name).getProperties().get("variables")).as(name).isEqualTo(COLUMNS);
    }
  }

  @Test
  void aFilterMadeBeforeTheColumnsGetsThemAtTheNextStartAndAnAdministratorsChoiceIsKept() {
    Filter older = filter(COORDINATOR_QUEUE);
    Map<String, Object> withoutColumns = new java.util.HashMap<>(older.getProperties());
    withoutColumns.remove("variables");
    filters.saveFilter(older.setProperties(withoutColumns));
    Filter chosen = filter(WAITING_FOR_FEEDBACK);
    Map<String, Object> oneColumn = new java.util.HashMap<>(chosen.getProperties());
    oneColumn.put("variables", List.of(Map.of("name", "tasklistAbout", "label", "Who")));
    filters.saveFilter(chosen.setProperties(oneColumn));
    try {
      tasklistFilters.apply();

      assertThat(filter(COORDINATOR_QUEUE).getProperties().get("variables")).isEqualTo(COLUMNS);
      assertThat(filter(WAITING_FOR_FEEDBACK).getProperties().get("variables"))
          .isEqualTo(List.of(Map.of("name", "tasklistAbout", "label", "Who")));
    } finally {
      Filter restored = filter(WAITING_FOR_FEEDBACK);
      Map<String, Object> properties = new java.util.HashMap<>(restored.getProperties());
      properties.remove("variables");
      filters.saveFilter(restored.setProperties(properties));
      tasklistFilters.apply();
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

  private Filter filter(String name) {
    return filters.createTaskFilterQuery().filterName(name).singleResult();
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
