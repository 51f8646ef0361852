package org.coproduced.commissioning.feedback;

/** Names of the variables and form fields of process {@code feedback-reply}: ids only, never words. */
public final class FeedbackReplyVariables {

  public static final String PROCESS_ID = "feedback-reply";

  public static final String CYCLE_ID = "cycleId";
  public static final String EXPERT_REF = "expertRef";
  /** How the answer reaches them, in words: "by email", "by post" or "by phone". */
  public static final String ANSWER_BY = "answerBy";
  /** Whether the application emails the answer; otherwise the coordinator tells them. */
  public static final String ANSWER_BY_EMAIL = "answerByEmail";
  // answer-feedback-reply
  public static final String PRIVATE_REPLY_ANSWER = "privateReplyAnswer";
  /** For people who prefer post or phone: how the coordinator told them. */
  public static final String TOLD_HOW = "toldHow";

  private FeedbackReplyVariables() {}
}
