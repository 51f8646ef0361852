package org.coproduced.commissioning.stepback;

import static org.coproduced.commissioning.stepback.StepBackVariables.*;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.coproduced.commissioning.notification.SystemAccess;
import org.springframework.stereotype.Service;

/**
 * Gives the coordinators a task to follow up with an expert about one of their tasks (process
 * {@code expert-task-follow-up}), once per reason and task however often it is asked: its business
 * key is the reason and the expert task's id, as an email's idempotency key would be.
 */
@Service
public class FollowUps {

  private final RuntimeService runtime;
  private final HistoryService history;
  private final SystemAccess system;

  public FollowUps(RuntimeService runtime, HistoryService history, SystemAccess system) {
    this.runtime = runtime;
    this.history = history;
    this.system = system;
  }

  /** Asks the coordinators to follow up, in the caller's transaction; returns whether this call asked. */
  public boolean ask(FollowUpReason reason, long cycleId, String expertRef, String taskKind, String expertTaskId) {
    return ask(reason, cycleId, expertRef, taskKind, expertTaskId, null);
  }

  /** As {@link #ask(FollowUpReason, long, String, String, String)}, linking the form to an involvement request's proposal page. */
  public boolean ask(FollowUpReason reason, long cycleId, String expertRef, String taskKind, String expertTaskId,
      Long requestId) {
    return ask(reason, cycleId, expertRef, taskKind, expertTaskId, requestId, 1);
  }

  /**
   * As above, once per watch of the task rather than once per task: a task a coordinator kept open
   * past its due date is checked on again at its next due date (key {@code overdue/TASK/2}).
   */
  public boolean ask(FollowUpReason reason, long cycleId, String expertRef, String taskKind, String expertTaskId,
      Long requestId, int watchRound) {
    String key = reason.name().toLowerCase(Locale.ROOT).replace('_', '-') + "/" + expertTaskId
        + (watchRound > 1 ? "/" + watchRound : "");
    return system.withoutAuthorization(() -> {
      boolean asked = history.createHistoricProcessInstanceQuery().processDefinitionKey(FOLLOW_UP_PROCESS_ID)
          .processInstanceBusinessKey(key).count() > 0;
      if (asked) {
        return false;
      }
      Map<String, Object> variables = new HashMap<>();
      variables.put(CYCLE_ID, cycleId);
      variables.put(EXPERT_REF, expertRef);
      variables.put(TASK_KIND, taskKind);
      variables.put(EXPERT_TASK_ID, expertTaskId);
      variables.put(FOLLOW_UP_REASON, reason.name());
      variables.put(WATCH_ROUND, watchRound);
      if (requestId != null) {
        variables.put(REQUEST_ID, requestId);
      }
      runtime.startProcessInstanceByKey(FOLLOW_UP_PROCESS_ID, key, variables);
      return true;
    });
  }
}
