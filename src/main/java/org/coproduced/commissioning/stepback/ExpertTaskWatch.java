package org.coproduced.commissioning.stepback;

import static org.coproduced.commissioning.stepback.StepBackVariables.*;

import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.coproduced.commissioning.notification.SystemAccess;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.stereotype.Service;

/**
 * Watches one expert task until its due date (process {@code expert-task-watch}): a reminder before
 * it, by the person's channel, and the coordinators told when it passes, so no single missing answer
 * holds a cycle. Started when the task is made ({@link ExpertTaskWatchPlugin}), for every version of
 * the cycle model; officers' tasks are not watched (they are staff with their own Tasklist).
 */
@Service
public class ExpertTaskWatch {

  /** The variable that names whose task it is, by task kind. */
  private static final Map<String, String> EXPERT_VARIABLE = Map.of(
      ExpertTaskProperties.REVIEW_SPECIFICATION, "reviewerRef",
      ExpertTaskProperties.DECLARE_INTERESTS, "evaluatorRef",
      ExpertTaskProperties.SCORE_BID, "evaluatorRef");
  static final Set<String> WATCHED = EXPERT_VARIABLE.keySet();

  private final ExpertTaskProperties properties;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final SystemAccess system;

  public ExpertTaskWatch(ExpertTaskProperties properties, RuntimeService runtime, TaskService tasks,
      SystemAccess system) {
    this.properties = properties;
    this.runtime = runtime;
    this.tasks = tasks;
    this.system = system;
  }

  /** Whose task this is: an expert's reference, or empty for an officer or an unknown task. */
  public static Optional<String> expertOf(DelegateTask task) {
    String variable = EXPERT_VARIABLE.get(task.getTaskDefinitionKey());
    Object ref = variable == null ? null : task.getVariable(variable);
    return ref == null || ref.toString().startsWith("officer:") ? Optional.empty() : Optional.of(ref.toString());
  }

  public void start(DelegateTask task) {
    Optional<String> expert = expertOf(task);
    if (expert.isPresent() && task.getVariable(CYCLE_ID) instanceof Number cycle) {
      watch(task.getId(), cycle.longValue(), expert.get(), task.getTaskDefinitionKey(), 1);
    }
  }

  /**
   * Watches the task for another period, as long as the first: a coordinator checked in after its
   * due date and the expert would still like to do it. Its next due date is checked on again.
   */
  public void again(String taskId, long cycleId, String expertRef, String taskKind, int round) {
    Optional<ZonedDateTime> due = watch(taskId, cycleId, expertRef, taskKind, round);
    due.ifPresent(date -> system.withoutAuthorization(() -> {
      Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
      if (task != null) {
        task.setDueDate(ProcessClock.toDate(date)); // Tasklist shows the new date
        tasks.saveTask(task);
      }
      return null;
    }));
  }

  private Optional<ZonedDateTime> watch(String taskId, long cycleId, String expertRef, String taskKind, int round) {
    ZonedDateTime now = ProcessClock.now();
    Optional<ZonedDateTime> due = properties.dueDate(taskKind, now);
    if (due.isEmpty()) {
      return due;
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(CYCLE_ID, cycleId);
    variables.put(EXPERT_REF, expertRef);
    variables.put(TASK_KIND, taskKind);
    variables.put(EXPERT_TASK_ID, taskId);
    variables.put(WATCH_ROUND, round);
    variables.put(REMIND_AT, ProcessClock.toDate(properties.reminderDate(now, due.get())));
    variables.put(DUE_AT, ProcessClock.toDate(due.get()));
    String key = "expert-task/" + taskId + (round == 1 ? "" : "/" + round);
    system.withoutAuthorization(() -> runtime.startProcessInstanceByKey(WATCH_PROCESS_ID, key, variables));
    return due;
  }
}
