package org.coproduced.commissioning.stepback;

import static org.coproduced.commissioning.stepback.StepBackVariables.*;

import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
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
  private final SystemAccess system;

  public ExpertTaskWatch(ExpertTaskProperties properties, RuntimeService runtime, SystemAccess system) {
    this.properties = properties;
    this.runtime = runtime;
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
    Object cycleId = task.getVariable(CYCLE_ID);
    ZonedDateTime now = ProcessClock.now();
    Optional<ZonedDateTime> due = properties.dueDate(task.getTaskDefinitionKey(), now);
    if (expert.isEmpty() || !(cycleId instanceof Number cycle) || due.isEmpty()) {
      return;
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(CYCLE_ID, cycle.longValue());
    variables.put(EXPERT_REF, expert.get());
    variables.put(TASK_KIND, task.getTaskDefinitionKey());
    variables.put(EXPERT_TASK_ID, task.getId());
    variables.put(REMIND_AT, ProcessClock.toDate(properties.reminderDate(now, due.get())));
    variables.put(DUE_AT, ProcessClock.toDate(due.get()));
    system.withoutAuthorization(() -> runtime.startProcessInstanceByKey(WATCH_PROCESS_ID,
        "expert-task/" + task.getId(), variables));
  }
}
