package org.coproduced.commissioning.feedback;

/** Names of the variables and form fields of process {@code feedback-delivery}. */
public final class FeedbackVariables {

  public static final String PROCESS_ID = "feedback-delivery";

  public static final String CYCLE_ID = "cycleId";
  public static final String COMMISSIONER = "commissioner";
  public static final String CONTRIBUTION_ID = "contributionId";
  public static final String CONTRIBUTION_REF = "contributionRef";
  public static final String CONTRIBUTOR_REF = "contributorRef";
  public static final String CONTRIBUTOR_USER = "contributorUser";
  /** How this contributor hears from us: {@code tasklist}, {@code email} or {@code offline}. */
  public static final String DELIVERY_CHANNEL = "deliveryChannel";
  /** The contributor a waiting email acknowledgement belongs to (local to that wait). */
  public static final String AWAITING_REF = "awaitingRef";
  /** The message a contributor's acknowledgement link sends to the waiting process. */
  public static final String ACKNOWLEDGED_MESSAGE = "FeedbackAcknowledged";
  /** Transient: the task is closed because the person acknowledged through their link. */
  public static final String ACKNOWLEDGED_BY_LINK = "acknowledgedByLink";

  // answer-contribution
  public static final String ANSWER_OUTCOME = "answerOutcome";
  public static final String WHAT_CHANGED = "whatChanged";
  public static final String WHY_DECIDED = "whyDecided";
  // check-plain-english
  public static final String PLAIN_ENGLISH_OK = "plainEnglishOk";
  public static final String REWORD_CONTRIBUTION_REFS = "rewordContributionRefs";
  public static final String SUGGESTIONS = "suggestions";
  // acknowledge-feedback
  public static final String FEEDBACK_READ = "feedbackRead";
  public static final String PRIVATE_REPLY = "privateReply";
  /** Optional yes or no to the public page; also on the follow-up and offline delivery forms. */
  public static final String PRIVATE_PUBLIC_CONSENT = "privatePublicConsent";
  // follow-up-feedback and deliver-feedback-offline
  public static final String DELIVERY_METHOD = "deliveryMethod";
  public static final String DELIVERED_ON = "deliveredOn";
  public static final String DELIVERY_CONFIRMED = "deliveryConfirmed";
  public static final String DELIVERY_NOTES = "deliveryNotes";

  private FeedbackVariables() {}
}
