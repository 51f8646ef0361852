package org.coproduced.commissioning.stepback;

import org.camunda.bpm.engine.TaskService;
import org.coproduced.commissioning.notification.SystemAccess;
import org.springframework.stereotype.Component;

/** Whether an expert's task still waits for them: a reminder or a follow-up for a done task is not needed. */
@Component
public class ExpertTaskStatus {

  private final TaskService tasks;
  private final SystemAccess system;

  public ExpertTaskStatus(TaskService tasks, SystemAccess system) {
    this.tasks = tasks;
    this.system = system;
  }

  public boolean stillOpen(String taskId) {
    return system.withoutAuthorization(() -> tasks.createTaskQuery().taskId(taskId).count() > 0);
  }
}
