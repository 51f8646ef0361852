package org.coproduced.commissioning.notification;

/** The messages the application sends; each has a template pair under {@code templates/mail/}. */
public enum MessageKind {
  /** An invitation to a session, with the preparation pack and how to answer. */
  INVITATION("invitation"),
  /** A reminder of an invitation not yet answered. */
  REMINDER("reminder"),
  /** Where things are now, after each stage of a cycle, to everyone who contributed so far. */
  STAGE_UPDATE("stage-update"),
  /** "You said, we did": every contribution of the person, each with its answer. */
  FEEDBACK("feedback"),
  /** A person has a new task in Tasklist. */
  TASK_NOTICE("task-notice"),
  /** Something a coordinator needs to do for someone who prefers post or phone, or a follow-up. */
  COORDINATOR_NOTICE("coordinator-notice");

  private final String template;

  MessageKind(String template) {
    this.template = template;
  }

  /** The template name: {@code <name>.txt} (subject and plain text) and {@code <name>.html}. */
  public String template() {
    return template;
  }
}
