package org.coproduced.commissioning.stepback;

import java.util.Map;
import java.util.Optional;
import org.coproduced.commissioning.involvement.CycleOutlines;
import org.coproduced.commissioning.involvement.CycleOutlines.CycleOutline;
import org.coproduced.commissioning.notification.MessageContent.NotSent;
import org.coproduced.commissioning.notification.MessageContent.TokenIssuer;
import org.coproduced.commissioning.notification.MessageWriter;
import org.coproduced.commissioning.notification.OutboxMessage;
import org.coproduced.commissioning.notification.TasklistLinks;
import org.springframework.stereotype.Component;

/**
 * What the messages about an expert's task say: which cycle and what they were asked. Read when the
 * message is sent, so a reminder for a task already done (or ended) is not sent.
 */
@Component
public class StepBackMessages implements MessageWriter {

  private static final Map<String, String> TEMPLATES = Map.of(StepBackMessage.STEPPED_BACK, "task-stepped-back",
      StepBackMessage.REMINDER, "task-reminder");

  private final CycleOutlines cycles;
  private final ExpertTaskStatus status;
  private final TasklistLinks tasklist;

  public StepBackMessages(CycleOutlines cycles, ExpertTaskStatus status, TasklistLinks tasklist) {
    this.cycles = cycles;
    this.status = status;
    this.tasklist = tasklist;
  }

  @Override
  public boolean writes(OutboxMessage message) {
    return TEMPLATES.containsKey(message.kind());
  }

  @Override
  public String template(OutboxMessage message) {
    return TEMPLATES.get(message.kind());
  }

  @Override
  public Optional<NotSent> write(OutboxMessage message, Map<String, Object> model, TokenIssuer tokens) {
    Optional<CycleOutline> cycle = cycles.outline(message.longParam("cycleId"));
    if (cycle.isEmpty()) {
      return Optional.of(NotSent.undeliverable("The cycle no longer exists."));
    }
    String taskId = message.param("taskId");
    if (StepBackMessage.REMINDER.equals(message.kind()) && !status.stillOpen(taskId)) {
      return Optional.of(NotSent.notNeeded("The task was done or has ended."));
    }
    model.put("cycleTitle", cycle.get().title());
    model.put("asked", TaskKinds.inWords(message.param("taskKind")));
    model.put("taskLink", tasklist.task(taskId));
    return Optional.empty();
  }
}
