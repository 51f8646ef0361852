package org.coproduced.commissioning.stepback;

import java.util.Map;
import org.coproduced.commissioning.notification.Message;

/**
 * A message about an expert's task, by email: thanks for telling us they stepped back (and that a
 * coordinator will be in touch), or a reminder shortly before the task's due date.
 * {@link StepBackMessages} writes what it says.
 */
public record StepBackMessage(String kind, String taskId, long cycleId, String taskKind) implements Message {

  public static final String STEPPED_BACK = "EXPERT_TASK_STEPPED_BACK";
  public static final String REMINDER = "EXPERT_TASK_REMINDER";

  @Override
  public Map<String, String> params() {
    return Map.of("taskId", taskId, "cycleId", String.valueOf(cycleId), "taskKind", taskKind);
  }
}
