package org.coproduced.commissioning.involvement.invitation;

/** Names of the variables and form fields of process {@code arrange-access-needs}. */
public final class AccessArrangementVariables {

  public static final String PROCESS_ID = "arrange-access-needs";

  public static final String INVITATION_ID = "invitationId";
  /** The session's request, so the form can link to the proposal page where the words are. */
  public static final String REQUEST_ID = "requestId";
  public static final String EXPERT_REF = "expertRef";
  /** The session's day in words, for the task's name. */
  public static final String SESSION_DAY = "sessionDay";
  /** When the task is due: working days before the session ({@link AccessNeedsProperties}). */
  public static final String ARRANGE_BY = "arrangeBy";
  /** Set only when the session has papers to read (bids): how they go to the expert. */
  public static final String PAPERS_TO_SEND = "papersToSend";
  // arrange-access-needs
  public static final String PRIVATE_ACCESS_ARRANGED = "privateAccessArranged";

  private AccessArrangementVariables() {}
}
