package org.coproduced.commissioning.involvement.invitation;

/**
 * Names of the variables and form fields of process {@code session-news}: ids only, never words.
 * Its business key is one per news and person, as the email's idempotency key would be (for
 * example {@code session-called-off/42/EX-0005}): the same news never makes a second task.
 */
public final class SessionNewsVariables {

  public static final String PROCESS_ID = "session-news";

  public static final String CYCLE_ID = "cycleId";
  public static final String REQUEST_ID = "requestId";
  public static final String INVITATION_ID = "invitationId";
  public static final String EXPERT_REF = "expertRef";
  /** What the news is: the kind of the message an expert who reads email gets instead. */
  public static final String NEWS = "news";
  // tell-expert-about-session
  public static final String CONTACT_METHOD = "contactMethod";

  private SessionNewsVariables() {}
}
