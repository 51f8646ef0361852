package org.coproduced.commissioning.procurement;

/** Variables and form fields of the procurement part of {@code commissioning-cycle}. */
public final class ProcurementVariables {

  public static final String CYCLE_ID = "cycleId";
  public static final String COMMISSIONER = "commissioner";
  public static final String EVALUATOR_REF = "evaluatorRef";
  public static final String BID_ID = "bidId";
  /** Local to a score-bid or moderate-scores task: the bidder's name, for the form to show. */
  public static final String BID_NAME = "bidName";
  /** Local to a moderate-scores task: every evaluator's scores for the bid and the average. */
  public static final String SCORE_SUMMARY = "scoreSummary";
  public static final String BID_NAMES = "bidNames";
  public static final String BID_OPTIONS = "bidOptions";
  public static final String TENDER_CLOSES_AT = "tenderClosesAt";
  public static final String STANDSTILL_ENDS_AT = "standstillEndsAt";
  public static final String REVIEW_DUE_AT = "reviewDueAt";

  // publish-tender (also procurementRoute, the route's code, which the process holds)
  public static final String PROCUREMENT_ROUTE = "procurementRoute";
  public static final String PLANNED_NOTICE_REFERENCE = "plannedNoticeReference";
  public static final String NOTICE_REFERENCE = "noticeReference";
  public static final String CLOSING_DATE = "closingDate";
  public static final String COPRODUCTION_QUESTION = "coproductionQuestion";
  public static final String QUALITY_WEIGHTING = "qualityWeighting";
  public static final String COPRODUCTION_WEIGHTING = "coproductionWeighting";
  public static final String SOCIAL_VALUE_WEIGHTING = "socialValueWeighting";
  public static final String PRICE_WEIGHTING = "priceWeighting";
  // record-bids: bid1Name, bid1Price ... bid5Name, bid5Price
  public static final int BID_SLOTS = 5;
  // declare-interests
  public static final String HAS_CONFLICT = "hasConflict";
  public static final String CONFLICT_BID_NAMES = "conflictBidNames";
  public static final String CONFLICT_DETAILS = "conflictDetails";
  // talk-through-conflict (also conflictBidNames and conflictDetails)
  public static final String CONFLICT_AGREED = "conflictAgreed";
  // score-bid and moderate-scores
  public static final String QUALITY_SCORE = "qualityScore";
  public static final String COPRODUCTION_SCORE = "coproductionScore";
  public static final String SOCIAL_VALUE_SCORE = "socialValueScore";
  public static final String PRICE_SCORE = "priceScore";
  public static final String PRIVATE_SCORE_NOTES = "privateScoreNotes";
  /** Stepping back from one bid only: the expert still scores their other bids. */
  public static final String ONLY_THIS_BID = "onlyThisBid";
  public static final String MODERATION_NOTES = "moderationNotes";
  // decide-award
  public static final String WINNING_BID = "winningBid";
  public static final String PANEL_AGREES = "panelAgrees";
  public static final String REASON_FOR_EXPERTS = "reasonForExperts";
  // tell-panel-of-award: one task per expert on the panel who does not read email
  public static final String PANEL_EXPERT_REF = "panelExpertRef";
  public static final String AWARD_TOLD_BY = "awardToldBy";
  public static final String AWARD_TOLD_ON = "awardToldOn";
  public static final String AWARD_TOLD_CONFIRMED = "awardToldConfirmed";
  // issue-assessment-summary: one task per assessed bid; the text stays out of the engine
  public static final String ASSESSMENT_SUMMARY = "privateAssessmentSummary";
  public static final String SUMMARY_SENT_ON = "summarySentOn";
  // publish-award-notice (keepStandstill only where the Act makes the standstill voluntary)
  public static final String AWARD_NOTICE_REFERENCE = "awardNoticeReference";
  public static final String AWARD_NOTICE_PUBLISHED_ON = "awardNoticePublishedOn";
  public static final String KEEP_STANDSTILL = "keepStandstill";
  /** Whether the cycle waits for a standstill after the award notice (the gateway after it). */
  public static final String STANDSTILL_APPLIES = "standstillApplies";
  // record-standstill-challenge and record-challenge-outcome
  public static final String CHALLENGE_RECEIVED_ON = "challengeReceivedOn";
  public static final String CHALLENGE_DETAILS = "privateChallengeDetails";
  public static final String CHALLENGE_OUTCOME = "challengeOutcome";
  public static final String CHALLENGE_OUTCOME_ON = "challengeOutcomeOn";
  public static final String CHALLENGE_OUTCOME_DETAILS = "privateChallengeOutcomeDetails";
  // award-contract (contractSignedDate is optional: forms of older model versions do not have it)
  public static final String CONTRACT_REFERENCE = "contractReference";
  public static final String CONTRACT_START_DATE = "contractStartDate";
  public static final String CONTRACT_SIGNED_DATE = "contractSignedDate";
  public static final String CONTRACT_DETAILS_DUE_AT = "contractDetailsDueAt";
  public static final String CONTRACT_DETAILS_REMIND_AT = "contractDetailsRemindAt";
  // publish-contract-details
  public static final String DETAILS_NOTICE_REFERENCE = "detailsNoticeReference";
  public static final String DETAILS_NOTICE_PUBLISHED_ON = "detailsNoticePublishedOn";

  public static String bidNameKey(int slot) {
    return "bid" + slot + "Name";
  }

  public static String bidPriceKey(int slot) {
    return "bid" + slot + "Price";
  }

  private ProcurementVariables() {}
}
