package org.coproduced.commissioning.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Component;

/**
 * What the engine's history says about one cycle: its stages and gates with their dates, every
 * task with who completed it, and the user operation log, over the cycle and every process it
 * called. Reads through {@link HistoryService}, so the signed-in person's authorizations apply.
 */
@Component
public class CycleHistory {

  /** The engine refuses larger pages for signed-in users (query-max-results-limit). */
  static final int PAGE = 2000;

  /** Steps of the flow itself, not something that happened in the cycle. */
  private static final Set<String> ROUTING = Set.of("exclusiveGateway", "parallelGateway", "inclusiveGateway",
      "eventBasedGateway", "multiInstanceBody");

  private final HistoryService history;

  public CycleHistory(HistoryService history) {
    this.history = history;
  }

  /** The history of the cycle whose main process instance is given; empty if it is not readable or removed. */
  public EngineHistory of(String rootProcessInstanceId) {
    if (rootProcessInstanceId == null) {
      return EngineHistory.NONE;
    }
    List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
        .rootProcessInstanceId(rootProcessInstanceId).listPage(0, PAGE);
    HistoricProcessInstance root = instances.stream()
        .filter(instance -> instance.getId().equals(rootProcessInstanceId)).findFirst().orElse(null);
    if (root == null) {
      return EngineHistory.NONE;
    }
    Map<String, String> processKeys = new HashMap<>();
    instances.forEach(instance -> processKeys.put(instance.getId(), instance.getProcessDefinitionKey()));

    List<Operation> operations = new ArrayList<>();
    for (HistoricProcessInstance instance : instances) {
      for (UserOperationLogEntry entry : history.createUserOperationLogQuery().processInstanceId(instance.getId())
          .listPage(0, PAGE)) {
        operations.add(new Operation(instant(entry.getTimestamp()), entry.getUserId(), entry.getOperationType(),
            entry.getEntityType(), entry.getProperty(), entry.getTaskId(), processKeys.get(instance.getId())));
      }
    }
    operations.sort(Comparator.comparing(Operation::at, Comparator.nullsLast(Comparator.naturalOrder())));

    Map<String, String> completedBy = new HashMap<>();
    operations.stream()
        .filter(op -> UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(op.operation()) && op.taskId() != null)
        .forEach(op -> completedBy.putIfAbsent(op.taskId(), op.userId()));

    List<TaskRecord> tasks = history.createHistoricTaskInstanceQuery().rootProcessInstanceId(rootProcessInstanceId)
        .orderByHistoricActivityInstanceStartTime().asc().listPage(0, PAGE).stream()
        .map(task -> task(task, processKeys, completedBy))
        .toList();

    List<Step> timeline = history.createHistoricActivityInstanceQuery().processInstanceId(rootProcessInstanceId)
        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc()
        .listPage(0, PAGE).stream()
        .filter(activity -> activity.getActivityName() != null && !ROUTING.contains(activity.getActivityType()))
        .map(CycleHistory::step)
        .toList();

    return new EngineHistory(root.getId(), instant(root.getStartTime()), instant(root.getEndTime()), root.getState(),
        timeline, tasks, operations);
  }

  /** The id of the main process instance above the given one (itself if it is the main one). */
  public java.util.Optional<String> rootOf(String processInstanceId) {
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    return java.util.Optional.ofNullable(instance).map(HistoricProcessInstance::getRootProcessInstanceId);
  }

  private static TaskRecord task(HistoricTaskInstance task, Map<String, String> processKeys,
      Map<String, String> completedBy) {
    String state = task.getEndTime() == null ? "open"
        : "completed".equals(task.getDeleteReason()) ? "completed" : "ended without completion";
    return new TaskRecord(task.getId(), task.getName(), task.getTaskDefinitionKey(),
        processKeys.get(task.getProcessInstanceId()), task.getAssignee(), completedBy.get(task.getId()),
        instant(task.getStartTime()), instant(task.getEndTime()), state);
  }

  private static Step step(HistoricActivityInstance activity) {
    return new Step(activity.getActivityId(), activity.getActivityName(), activity.getActivityType(),
        instant(activity.getStartTime()), instant(activity.getEndTime()), activity.getCalledProcessInstanceId());
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  /** The engine's record of one cycle. */
  public record EngineHistory(String processInstanceId, Instant startedAt, Instant endedAt, String state,
      List<Step> timeline, List<TaskRecord> tasks, List<Operation> operations) {

    static final EngineHistory NONE = new EngineHistory(null, null, null, null, List.of(), List.of(), List.of());
  }

  /** A stage, gate, wait or task of the cycle's main process. */
  public record Step(String activityId, String name, String type, Instant startedAt, Instant endedAt,
      String calledProcessInstanceId) {}

  /** One task: who it was assigned to, who completed it and when. */
  public record TaskRecord(String taskId, String name, String taskKey, String process, String assignee,
      String completedBy, Instant createdAt, Instant endedAt, String state) {}

  /** One entry of the engine's user operation log. */
  public record Operation(Instant at, String userId, String operation, String entity, String property,
      String taskId, String process) {}
}
