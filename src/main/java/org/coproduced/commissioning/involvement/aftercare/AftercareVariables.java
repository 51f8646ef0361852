package org.coproduced.commissioning.involvement.aftercare;

/**
 * Names of the variables and form fields of processes {@code wellbeing-check-in} and
 * {@code session-experience}. Ids, references and choices only: what a person said is in the
 * application's tables.
 */
public final class AftercareVariables {

  public static final String CHECK_IN_PROCESS = "wellbeing-check-in";
  public static final String EXPERIENCE_PROCESS = "session-experience";
  /** The message the email link sends once the person has answered. */
  public static final String ANSWERED_MESSAGE = "SessionExperienceAnswered";

  public static final String CYCLE_ID = "cycleId";
  public static final String REQUEST_ID = "requestId";
  public static final String INVITATION_ID = "invitationId";
  public static final String EXPERT_REF = "expertRef";
  /** "email" when the questions go by email with a link; "coordinator" when a coordinator asks them. */
  public static final String ASK_BY = "askBy";
  public static final String ASK_BY_EMAIL = "email";
  public static final String ASK_BY_COORDINATOR = "coordinator";
  /** Set once answers are in: whether the person asked us to get in touch. */
  public static final String WANTS_CONTACT = "wantsContact";

  // check-in-with-expert
  public static final String CHECK_IN_OUTCOME = "checkInOutcome";
  public static final String CHECK_IN_NOTES = "privateCheckInNotes";
  // ask-how-the-session-went: private, so how someone felt never reaches the engine's history
  public static final String LISTENED_TO = "privateListenedTo";
  public static final String PREPARED = "privatePrepared";
  public static final String FAIRLY_PAID = "privateFairlyPaid";
  public static final String TAKE_PART_AGAIN = "privateTakePartAgain";
  public static final String WHAT_TO_CHANGE = "privateWhatToChange";
  // get-in-touch-about-session
  public static final String GOT_IN_TOUCH = "gotInTouch";

  private AftercareVariables() {}
}
