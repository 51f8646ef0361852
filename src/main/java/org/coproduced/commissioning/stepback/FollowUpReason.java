package org.coproduced.commissioning.stepback;

/** Why a coordinator gets a task to follow up with an expert about one of their tasks. */
public enum FollowUpReason {
  /** They said "I can't do this now". */
  CANT_NOW,
  /** They said "I'd like to talk to someone". */
  TALK,
  /** Their task is due soon and they prefer post or phone: a coordinator reminds them. */
  REMINDER,
  /** Their task's due date passed: a coordinator checks in, and may let the work go on without them. */
  OVERDUE,
  /** Too few people are left on the scoring panel: a coordinator finds someone else through matching. */
  PANEL_SHORT;

  static FollowUpReason of(StepBackReason reason) {
    return reason == StepBackReason.TALK ? TALK : CANT_NOW;
  }
}
