package org.coproduced.commissioning.tasknotice;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.coproduced.commissioning.experts.ExpertContacts;
import org.coproduced.commissioning.notification.TasklistLinks;
import org.coproduced.commissioning.notification.MessageContent.NotSent;
import org.coproduced.commissioning.notification.MessageContent.TokenIssuer;
import org.coproduced.commissioning.notification.MessageWriter;
import org.coproduced.commissioning.notification.OutboxMessage;
import org.coproduced.commissioning.notification.SystemAccess;
import org.coproduced.commissioning.tasknotice.CoordinatorNoticeMessage.Reason;
import org.springframework.stereotype.Component;

/**
 * What task notices and the coordinators' notices about tasks say: the task, a link to it, and
 * who it is for. Not sent once the task is done.
 */
@Component
public class TaskNoticeMessages implements MessageWriter {

  /** A task as a notice shows it. */
  public record TaskView(String name, String link, long openCount) {}

  private final TaskService tasks;
  private final SystemAccess system;
  private final ExpertContacts experts;
  private final TasklistLinks tasklist;

  public TaskNoticeMessages(TaskService tasks, SystemAccess system, ExpertContacts experts, TasklistLinks tasklist) {
    this.tasks = tasks;
    this.system = system;
    this.experts = experts;
    this.tasklist = tasklist;
  }

  @Override
  public boolean writes(OutboxMessage message) {
    return TaskNoticeMessage.KIND.equals(message.kind()) || (CoordinatorNoticeMessage.KIND.equals(message.kind())
        && isTaskReason(message.params().get("reason")));
  }

  private static boolean isTaskReason(String reason) {
    for (Reason known : Reason.values()) {
      if (known.name().equals(reason)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String template(OutboxMessage message) {
    return TaskNoticeMessage.KIND.equals(message.kind()) ? "task-notice" : "coordinator-notice";
  }

  @Override
  public Optional<NotSent> write(OutboxMessage message, Map<String, Object> model, TokenIssuer tokens) {
    boolean notice = TaskNoticeMessage.KIND.equals(message.kind());
    Optional<TaskView> task = openTask(message, notice ? message.param("assignee") : null);
    if (task.isEmpty()) {
      return Optional.of(NotSent.notNeeded("The task was done before this went out."));
    }
    model.put("task", task.get());
    if (!notice) {
      model.put("reason", message.param("reason"));
      model.put("people", experts.toReach(message.params().get("expertRefs")));
    }
    return Optional.empty();
  }

  /** The task named by the message, if still open, with how many like it the person has. */
  private Optional<TaskView> openTask(OutboxMessage message, String assignee) {
    String taskId = message.param("taskId");
    return system.withoutAuthorization(() -> {
      boolean open = tasks.createTaskQuery().taskId(taskId).count() > 0;
      long count = 1;
      if (assignee != null) {
        count = tasks.createTaskQuery().processInstanceId(message.param("processInstanceId"))
            .taskDefinitionKey(message.param("taskDefinitionKey")).taskAssignee(assignee).count();
      }
      if (!open && count == 0) {
        return Optional.empty();
      }
      String link = open ? tasklist.task(taskId) : tasklist.home();
      return Optional.of(new TaskView(message.param("taskName"), link, Math.max(count, 1)));
    });
  }
}
