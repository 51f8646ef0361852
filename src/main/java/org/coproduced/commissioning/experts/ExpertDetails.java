package org.coproduced.commissioning.experts;

import java.time.LocalDate;
import java.util.Set;

/**
 * A coordinator's update of an expert's record. The personal details are {@code null} when the
 * coordinator left them empty: then what is recorded stays as it is.
 */
public record ExpertDetails(
    ContactChannel contactChannel,
    Set<String> livedExperience,
    String recompensePreference,
    boolean benefitsAdviceOffered,
    LocalDate consentGivenOn,
    LocalDate consentReviewOn,
    LocalDate wellbeingCheckedOn,
    LocalDate wellbeingReviewOn,
    String buddyRef,
    boolean experienced,
    ExpertStatus status,
    String displayName,
    String email,
    String phone,
    String postalAddress,
    String tasklistUser,
    String wellbeingNotes,
    String declaredInterests) {}
