package org.coproduced.commissioning.notification;

import java.util.Map;
import org.springframework.stereotype.Component;

/** Links into Tasklist for messages, at the address people use ({@code coproduction.messages.public-url}). */
@Component
public class TasklistLinks {

  private final MessageProperties properties;

  public TasklistLinks(MessageProperties properties) {
    this.properties = properties;
  }

  /** Where Tasklist starts. */
  public String home() {
    return properties.publicUrl() + "/camunda/app/tasklist/";
  }

  /** One task in Tasklist. */
  public String task(String taskId) {
    return properties.publicUrl() + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  /** Tasklist's start, if the message's reader uses Tasklist ({@link MessageContent#USES_TASKLIST}); else none. */
  public String forReaderOf(Map<String, Object> model) {
    return Boolean.TRUE.equals(model.get(MessageContent.USES_TASKLIST)) ? home() : null;
  }
}
