package org.coproduced.commissioning.stepback;

/**
 * Names of the form fields every expert task offers for stepping back, and of the variables of
 * process {@code expert-task-follow-up} (a coordinator follows up with someone) and
 * {@code expert-task-watch} (reminder before the due date, coordinators told when it passes).
 * Ids only: the expert's note is taken out of the engine into {@code cc_step_back}.
 */
public final class StepBackVariables {

  public static final String FOLLOW_UP_PROCESS_ID = "expert-task-follow-up";
  public static final String WATCH_PROCESS_ID = "expert-task-watch";

  // on every expert task's form
  /** "answer" (the default: I'll do it now), or a {@link StepBackReason#formValue()}. */
  public static final String STEP_BACK = "stepBack";
  public static final String ANSWER_NOW = "answer";
  public static final String PRIVATE_STEP_BACK_NOTE = "privateStepBackNote";
  /** Set on a task ended because its expert stepped back from a sibling task: the sibling's id. */
  public static final String STEPPED_BACK_ALONG_WITH = "steppedBackAlongWith";

  // expert-task-follow-up and expert-task-watch
  public static final String CYCLE_ID = "cycleId";
  public static final String EXPERT_REF = "expertRef";
  /** The expert task's definition key, e.g. Activity_ScoreBid. */
  public static final String TASK_KIND = "taskKind";
  /** The expert task's id (the watch) or the step-back's task id (the follow-up). */
  public static final String EXPERT_TASK_ID = "expertTaskId";
  /** What the coordinator follows up: a {@link FollowUpReason} name. */
  public static final String FOLLOW_UP_REASON = "followUpReason";
  /** The involvement request whose proposal page finds someone else (a scoring panel left short). */
  public static final String REQUEST_ID = "requestId";
  /** Which watch of the same task this is: 1, then 2 after a coordinator kept it open past its due date. */
  public static final String WATCH_ROUND = "watchRound";
  public static final String REMIND_AT = "remindAt";
  public static final String DUE_AT = "dueAt";
  // follow-up-expert-task form
  public static final String FOLLOW_UP_OUTCOME = "followUpOutcome";
  public static final String OUTCOME_DONE = "done";
  public static final String OUTCOME_CARRY_ON = "carry-on-without-them";

  private StepBackVariables() {}
}
