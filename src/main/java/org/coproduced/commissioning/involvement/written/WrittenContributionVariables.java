package org.coproduced.commissioning.involvement.written;

/**
 * Names of the variables, form fields and messages of process {@code written-contribution}. Ids,
 * references and choices only: what a person wrote or said is a contribution, kept by {@code ContributionRepository}.
 */
public final class WrittenContributionVariables {

  public static final String PROCESS_ID = "written-contribution";
  /** Sent by the email link once their words are in. */
  public static final String SENT_MESSAGE = "WrittenContributionSent";
  /** Sent by the email link when they would rather say it, or send a recording, to a coordinator. */
  public static final String TAKE_DOWN_MESSAGE = "WrittenContributionToTakeDown";
  /** Sent when the gate's notes of the session are finished: from then on nothing more counts for it. */
  public static final String WINDOW_CLOSED_MESSAGE = "WrittenContributionWindowClosed";

  public static final String CYCLE_ID = "cycleId";
  public static final String REQUEST_ID = "requestId";
  public static final String INVITATION_ID = "invitationId";
  public static final String EXPERT_REF = "expertRef";
  /** The expert's Tasklist user, when they have one. */
  public static final String EXPERT_USER = "expertUser";
  /** How we ask: {@value #BY_TASKLIST}, {@value #BY_EMAIL} or {@value #BY_COORDINATOR}. */
  public static final String ASK_BY = "askBy";
  public static final String BY_TASKLIST = "tasklist";
  public static final String BY_EMAIL = "email";
  public static final String BY_COORDINATOR = "coordinator";

  /** The commissioner's words on what experts are asked, shown on both forms (the gate holds them too). */
  public static final String WHAT_IS_ASKED = "whatIsAsked";

  // send-written-contribution and take-down-contribution: private, so the words never reach the engine's history
  public static final String PRIVATE_WORDS = "privateWrittenContribution";
  // take-down-contribution: how the coordinator heard what they wanted to say
  public static final String RECEIVED_HOW = "receivedHow";

  public static String businessKey(long invitationId) {
    return PROCESS_ID + "/" + invitationId;
  }

  private WrittenContributionVariables() {}
}
