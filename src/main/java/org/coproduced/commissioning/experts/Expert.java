package org.coproduced.commissioning.experts;

import java.time.LocalDate;
import java.util.Set;

/**
 * An expert by experience in the pool. {@code ref} is the pseudonymous reference the engine uses;
 * everything else stays in the application's tables.
 *
 * @param pausedUntil a pause with an end: the expert can be asked again for sessions after this day
 * @param erased their personal data was erased; the reference stays so history still adds up
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
    ExpertStatus status,
    LocalDate pausedUntil,
    boolean erased) {

  /** Taking part on {@code day}: active, or paused only until an earlier day; never once erased. */
  public boolean isAvailableOn(LocalDate day) {
    if (erased) {
      return false;
    }
    return status == ExpertStatus.ACTIVE
        || (status == ExpertStatus.PAUSED && pausedUntil != null && pausedUntil.isBefore(day));
  }

  /** Their consent runs at least until {@code day}. */
  public boolean consentCurrentOn(LocalDate day) {
    return consentReviewOn != null && !consentReviewOn.isBefore(day);
  }

  /** Their wellbeing check runs at least until {@code day}. */
  public boolean wellbeingCurrentOn(LocalDate day) {
    return wellbeingReviewOn != null && !wellbeingReviewOn.isBefore(day);
  }

  /** Available, and consent and wellbeing check both still current on {@code day}. */
  public boolean isClearedFor(LocalDate day) {
    return isAvailableOn(day) && consentCurrentOn(day) && wellbeingCurrentOn(day);
  }

  public boolean usesTasklist() {
    return contactChannel == ContactChannel.TASKLIST && tasklistUser != null;
  }
}
