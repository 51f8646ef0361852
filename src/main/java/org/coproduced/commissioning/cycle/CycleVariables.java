package org.coproduced.commissioning.cycle;

/**
 * Names of the variables and form fields of process {@code commissioning-cycle}. The engine holds
 * ids and short choices only; the texts go to the application's tables.
 */
public final class CycleVariables {

  public static final String PROCESS_ID = "commissioning-cycle";
  public static final String CANCEL_MESSAGE = "CycleCancelled";

  public static final String CYCLE_ID = "cycleId";
  public static final String COMMISSIONER = "commissioner";
  public static final String ANALYSE_REQUEST_ID = "analyseRequestId";
  public static final String PLAN_REQUEST_ID = "planRequestId";
  public static final String EVALUATION_REQUEST_ID = "evaluationRequestId";
  public static final String REVIEW_REQUEST_ID = "reviewRequestId";
  public static final String CONTRIBUTION_ID = "contributionId";
  /** The specification's review round, counted over the whole cycle (reviews are stored per round). */
  public static final String REVIEW_ROUND = "reviewRound";
  /** Drafts since this PLAN stage began: after three, a coordinator holds a meeting. */
  public static final String DRAFTS_THIS_PLAN = "draftsThisPlan";
  public static final String REVIEWER_REF = "reviewerRef";
  public static final String TENDER_CLOSES_AT = "tenderClosesAt";
  public static final String STANDSTILL_ENDS_AT = "standstillEndsAt";
  public static final String REVIEW_DUE_AT = "reviewDueAt";

  // start-cycle
  public static final String TITLE = "title";
  public static final String SERVICE_AREA = "serviceArea";
  public static final String BUDGET_BAND = "budgetBand";
  public static final String INVOLVEMENT_PURPOSE = "involvementPurpose";
  public static final String DESIRED_OUTCOMES = "desiredOutcomes";
  public static final String TIMELINE = "timeline";
  // agree-involvement-plan
  public static final String SHARED_PURPOSE = "sharedPurpose";
  public static final String ROLES_AGREED = "rolesAgreed";
  public static final String RECOMPENSE_OFFER = "recompenseOffer";
  public static final String PLAN_AGREED = "planAgreed";
  // record-contribution-use
  public static final String CONTRIBUTION_USE = "contributionUse";
  // write-needs-assessment
  public static final String NEEDS_SUMMARY = "needsSummary";
  public static final String DOCUMENT_LINK = "documentLink";
  // draft-specification
  public static final String SPECIFICATION_SUMMARY = "specificationSummary";
  public static final String CHANGES_MADE = "changesMade";
  // review-specification
  public static final String SPECIFICATION_DECISION = "specificationDecision";
  public static final String PRIVATE_REVIEW_COMMENTS = "privateReviewComments";
  // hold-mediation-meeting
  public static final String MEETING_DATE = "meetingDate";
  public static final String AGREED_CHANGES = "agreedChanges";
  /**
   * How long the meeting took, if the coordinator records it: no form asks yet, so each expert at
   * the meeting is recompensed the configured coproduction.recompense.mediation-meeting-hours.
   */
  public static final String MEETING_HOURS = "meetingHours";
  // decide-review-outcome
  public static final String REVIEW_OUTCOME = "reviewOutcome";
  public static final String REVIEW_REASON = "reviewReason";

  private CycleVariables() {}
}
