package org.coproduced.commissioning.experts;

import java.time.LocalDate;
import java.util.Set;

/** Everything recorded when an expert joins the pool. */
public record NewExpert(
    String ref,
    String tasklistUser,
    String displayName,
    String email,
    String phone,
    String postalAddress,
    ContactChannel contactChannel,
    Set<String> livedExperience,
    String recompensePreference,
    boolean benefitsAdviceOffered,
    LocalDate consentGivenOn,
    LocalDate consentReviewOn,
    LocalDate wellbeingCheckedOn,
    LocalDate wellbeingReviewOn,
    String wellbeingNotes,
    String buddyRef,
    boolean experienced,
    String declaredInterests) {}
