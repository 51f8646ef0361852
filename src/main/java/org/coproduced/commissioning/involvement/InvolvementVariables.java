package org.coproduced.commissioning.involvement;

/** Names of the variables and form fields of process {@code involvement-request}. */
public final class InvolvementVariables {

  public static final String PROCESS_ID = "involvement-request";

  /** Message: a coordinator moved the session; everyone is asked again and the timers follow the new date. */
  public static final String SESSION_MOVED_MESSAGE = "SessionMoved";
  /** Message: a coordinator cancelled the session; the commissioner chooses a new date. */
  public static final String SESSION_CANCELLED_MESSAGE = "SessionCancelled";

  public static final String CYCLE_ID = "cycleId";
  public static final String COMMISSIONER = "commissioner";
  public static final String STAGE = "stage";
  public static final String REQUEST_ID = "requestId";
  public static final String NOTICE_WORKING_DAYS = "noticeWorkingDays";
  public static final String MINIMUM_NOTICE_DAYS = "minimumNoticeDays";
  public static final String PROPOSED_EXPERTS = "proposedExperts";
  public static final String INVITATION_ID = "invitationId";
  public static final String INVITEE_USER = "inviteeUser";
  public static final String REPLACEMENT_FOUND = "replacementFound";
  public static final String EXPERT_REF = "expertRef";
  public static final String CONTRIBUTION_COUNT = "contributionCount";
  /** Which lived-experience areas the proposal covers and which nobody covers, in words. */
  public static final String REPRESENTATION = "representation";
  /** Notes on the proposal for the coordinator, for example a newcomer left out for want of a buddy. */
  public static final String PROPOSAL_NOTES = "proposalNotes";
  /** References of invited experts whose payments approach the benefits threshold. */
  public static final String BENEFITS_CHECK_DUE = "benefitsCheckDue";
  /** Task-local, on record-contribution: this expert's benefits warning, or empty. */
  public static final String BENEFITS_WARNING = "benefitsWarning";
  /** The active lived-experience areas, as checklist options of the request form. */
  public static final String LIVED_EXPERIENCE_OPTIONS = "livedExperienceOptions";

  // describe-involvement-request
  public static final String WHAT_IS_ASKED = "whatIsAsked";
  public static final String WHY_ASKED = "whyAsked";
  public static final String INVOLVEMENT_KIND = "involvementKind";
  public static final String SESSION_DATE = "sessionDate";
  public static final String SESSION_TIME = "sessionTime";
  public static final String DURATION_HOURS = "durationHours";
  public static final String SESSION_FORMAT = "sessionFormat";
  public static final String VENUE_AND_ACCESS = "venueAndAccess";
  public static final String PLACES = "places";
  public static final String LIVED_EXPERIENCE = "livedExperience";
  public static final String WHO_WILL_ATTEND = "whoWillAttend";
  /** "yes" when people may be asked to talk about their own experiences; "no" (the default) otherwise. */
  public static final String OWN_EXPERIENCE = "ownExperience";
  // review-involvement-request
  public static final String REQUEST_DECISION = "requestDecision";
  public static final String REVIEWER_FEEDBACK = "reviewerFeedback";
  public static final String NOTICE_EXCEPTION = "noticeException";
  public static final String NOTICE_EXCEPTION_REASON = "noticeExceptionReason";
  /** A review decision: nobody can take part, so a coordinator closes the gate with a reason. */
  public static final String NOBODY_CAN_TAKE_PART = "nobodyCanTakePart";
  // record-nobody-could-take-part (private: it may name someone, so only the request keeps it)
  public static final String NOBODY_REASON = "privateNobodyReason";
  // confirm-experts
  public static final String PROPOSAL_CONFIRMED = "proposalConfirmed";
  public static final String CONFIRMATION_NOTES = "privateConfirmationNotes";
  public static final String REMOVE_EXPERT_REFS = "removeExpertRefs";
  public static final String ADD_EXPERT_REFS = "addExpertRefs";
  public static final String OVERRIDE_REASON = "overrideReason";
  // answer-invitation and follow-up-invitation
  public static final String INVITATION_ANSWER = "invitationAnswer";
  public static final String PRIVATE_ACCESS_NEEDS = "privateAccessNeeds";
  public static final String CONTACT_METHOD = "contactMethod";
  public static final String FOLLOW_UP_NOTES = "privateFollowUpNotes";
  /** Task-local, on answer-invitation: the invitation pack in sentences (invitation.InvitationPackListener). */
  public static final String CYCLE_PURPOSE = "cyclePurpose";
  public static final String CYCLE_TIMELINE = "cycleTimeline";
  public static final String ROLE_NOTE = "roleNote";
  public static final String WHAT_WE_WOULD_LIKE = "whatWeWouldLike";
  public static final String INVITATION_OFFER = "invitationOffer";
  // record-contribution
  public static final String ATTENDED = "attended";
  public static final String PRIVATE_CONTRIBUTION_1 = "privateContribution1";
  public static final String PRIVATE_CONTRIBUTION_2 = "privateContribution2";
  public static final String PRIVATE_CONTRIBUTION_3 = "privateContribution3";
  public static final String HOURS_GIVEN = "hoursGiven";
  public static final String PREPARATION_HOURS = "preparationHours";
  public static final String EXPENSES_TRAVEL = "expensesTravel";
  public static final String EXPENSES_CHILDCARE = "expensesChildcare";
  public static final String EXPENSES_SUBSISTENCE = "expensesSubsistence";
  public static final String PRIVATE_EXPENSES_NOTE = "privateExpensesNote";
  public static final String EXPENSES_APPROVED = "expensesApproved";

  private InvolvementVariables() {}
}
