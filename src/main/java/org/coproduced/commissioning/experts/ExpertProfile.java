package org.coproduced.commissioning.experts;

import java.time.LocalDate;
import java.util.Set;

/**
 * Everything the coordinators hold about one expert, personal details included: only for the
 * coordinators' own pages, never for the engine.
 */
public record ExpertProfile(
    Expert expert,
    String email,
    String phone,
    String postalAddress,
    boolean benefitsAdviceOffered,
    LocalDate benefitsAdviceOfferedOn,
    LocalDate consentGivenOn,
    LocalDate wellbeingCheckedOn,
    String wellbeingNotes,
    String declaredInterests,
    String statusNote,
    LocalDate leftOn,
    LocalDate erasedOn) {

  public String ref() {
    return expert.ref();
  }

  public Set<String> livedExperience() {
    return expert.livedExperience();
  }
}
