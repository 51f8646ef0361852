package org.coproduced.commissioning.experts;

import java.time.LocalDate;
import java.util.Set;

/**
 * An expert by experience in the pool. {@code ref} is the pseudonymous reference the engine uses;
 * everything else stays in the application's tables.
 */
public record Expert(
    long id,
    String ref,
    String tasklistUser,
    String displayName,
    ContactChannel contactChannel,
    Set<String> livedExperience,
    String recompensePreference,
    LocalDate consentReviewOn,
    LocalDate wellbeingReviewOn,
    String buddyRef,
    boolean experienced,
    ExpertStatus status) {

  /** Consent and wellbeing check are both still current on {@code day}. */
  public boolean isClearedFor(LocalDate day) {
    return status == ExpertStatus.ACTIVE
        && consentReviewOn != null && !consentReviewOn.isBefore(day)
        && wellbeingReviewOn != null && !wellbeingReviewOn.isBefore(day);
  }

  public boolean usesTasklist() {
    return contactChannel == ContactChannel.TASKLIST && tasklistUser != null;
  }
}
