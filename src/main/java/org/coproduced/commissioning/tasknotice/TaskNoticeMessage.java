package org.coproduced.commissioning.tasknotice;

import java.util.Map;
import org.coproduced.commissioning.notification.Message;

/** A person has a new task in Tasklist: its name and a link to it. */
public record TaskNoticeMessage(String taskId, String taskName, String taskDefinitionKey, String processInstanceId,
    String assignee) implements Message {

  public static final String KIND = "TASK_NOTICE";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Map<String, String> params() {
    return Map.of("taskId", taskId, "taskName", taskName, "taskDefinitionKey", taskDefinitionKey,
        "processInstanceId", processInstanceId, "assignee", assignee);
  }
}
