package org.coproduced.commissioning.stepback;

import static org.coproduced.commissioning.stepback.StepBackVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.notification.SystemAccess;
import org.springframework.stereotype.Component;

/**
 * A coordinator followed up with an expert. If they agreed the work goes on without the expert's
 * answer (after the due date passed), the expert's task ends as stepped back, so nothing waits on it.
 */
@Component
public class ExpertTaskFollowUpListener implements TaskListener {

  private final ExpertTaskStatus status;
  private final TaskService tasks;
  private final SystemAccess system;
  private final ExpertTaskWatch watch;

  public ExpertTaskFollowUpListener(ExpertTaskStatus status, TaskService tasks, SystemAccess system,
      ExpertTaskWatch watch) {
    this.status = status;
    this.tasks = tasks;
    this.system = system;
    this.watch = watch;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    String outcome = form.requiredChoice(FOLLOW_UP_OUTCOME, "What happens now", OUTCOME_DONE, OUTCOME_CARRY_ON);
    String expertTaskId = form.processText(EXPERT_TASK_ID);
    if (!status.stillOpen(expertTaskId)) {
      return;
    }
    if (OUTCOME_CARRY_ON.equals(outcome)) {
      system.withoutAuthorization(() -> {
        tasks.complete(expertTaskId, Map.of(STEP_BACK, StepBackReason.CARRIED_ON.formValue()));
        return null;
      });
    } else if (FollowUpReason.OVERDUE.name().equals(task.getVariable(FOLLOW_UP_REASON))) {
      // They would still like to do it: a new due date, so the task is never left without one.
      int round = (task.getVariable(WATCH_ROUND) instanceof Number n ? n.intValue() : 1) + 1;
      watch.again(expertTaskId, form.id(CYCLE_ID), form.processText(EXPERT_REF), form.processText(TASK_KIND), round);
    }
  }
}
