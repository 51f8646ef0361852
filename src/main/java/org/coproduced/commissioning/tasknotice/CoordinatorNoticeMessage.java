package org.coproduced.commissioning.tasknotice;

import java.util.Map;
import org.coproduced.commissioning.notification.Message;

/**
 * Something the coordinators need to do for someone: a task for a person who prefers post or
 * phone, or a follow-up because someone has not replied.
 */
public record CoordinatorNoticeMessage(Reason reason, String taskId, String taskName, String expertRefs)
    implements Message {

  public static final String KIND = "COORDINATOR_NOTICE";

  /** Why the coordinators hear, as the template tells it. */
  public enum Reason {
    /** A task was given to someone who prefers post or phone. */
    OFFLINE_TASK,
    /** Someone has not replied after the reminder: a coordinator gets in touch. */
    FOLLOW_UP
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Map<String, String> params() {
    return Map.of("reason", reason.name(), "taskId", taskId, "taskName", taskName, "expertRefs", expertRefs);
  }
}
