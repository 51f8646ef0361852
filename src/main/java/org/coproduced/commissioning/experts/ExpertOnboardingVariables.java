package org.coproduced.commissioning.experts;

/**
 * Names of the variables and form fields of process {@code expert-onboarding}. Personal details
 * are {@code private*} fields: read into the application's tables and removed from the engine in
 * the same transaction, never in its history. The engine only holds the reference (EX-0012).
 */
public final class ExpertOnboardingVariables {

  public static final String PROCESS_ID = "expert-onboarding";

  // start-expert-onboarding
  public static final String ONBOARDING_ACTION = "onboardingAction";
  public static final String EXPERT_REF = "expertRef";

  public static final String JOIN = "join";
  public static final String UPDATE = "update";
  public static final String PAUSE = "pause";
  public static final String LEAVE = "leave";
  public static final String ERASE = "erase";

  /** Options of the details form: the managed list of lived-experience areas, and possible buddies. */
  public static final String LIVED_EXPERIENCE_OPTIONS = "livedExperienceOptions";
  public static final String BUDDY_OPTIONS = "buddyOptions";

  // record-expert-details
  public static final String PRIVATE_NAME = "privateName";
  public static final String CONTACT_CHANNEL = "contactChannel";
  public static final String PRIVATE_EMAIL = "privateEmail";
  public static final String PRIVATE_PHONE = "privatePhone";
  public static final String PRIVATE_POSTAL_ADDRESS = "privatePostalAddress";
  public static final String PRIVATE_TASKLIST_USER = "privateTasklistUser";
  public static final String LIVED_EXPERIENCE = "livedExperience";
  public static final String RECOMPENSE_PREFERENCE = "recompensePreference";
  public static final String BENEFITS_ADVICE_OFFERED = "benefitsAdviceOffered";
  public static final String CONSENT_GIVEN = "consentGiven";
  public static final String CONSENT_GIVEN_ON = "consentGivenOn";
  public static final String CONSENT_REVIEW_ON = "consentReviewOn";
  public static final String WELLBEING_CHECKED_ON = "wellbeingCheckedOn";
  public static final String WELLBEING_REVIEW_ON = "wellbeingReviewOn";
  public static final String PRIVATE_WELLBEING_NOTES = "privateWellbeingNotes";
  public static final String BUDDY_REF = "buddyRef";
  public static final String EXPERIENCED = "experienced";
  public static final String EXPERT_STATUS = "expertStatus";
  public static final String PRIVATE_DECLARED_INTERESTS = "privateDeclaredInterests";

  // pause-expert
  public static final String PAUSED_UNTIL = "pausedUntil";
  public static final String PRIVATE_PAUSE_REASON = "privatePauseReason";

  // record-expert-leaving
  public static final String LEFT_ON = "leftOn";
  public static final String PRIVATE_LEAVING_NOTE = "privateLeavingNote";

  // erase-expert
  public static final String ERASURE_REQUESTED_ON = "erasureRequestedOn";
  public static final String ERASURE_CONFIRMED = "erasureConfirmed";

  /** The buddy option meaning "nobody named". */
  public static final String NO_BUDDY = "none";

  private ExpertOnboardingVariables() {}
}
