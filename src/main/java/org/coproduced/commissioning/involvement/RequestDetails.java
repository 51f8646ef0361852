package org.coproduced.commissioning.involvement;

import java.time.LocalDate;
import java.util.List;

/** The details a commissioner gives when asking for experts' involvement. */
public record RequestDetails(
    String whatIsAsked,
    String whyAsked,
    String involvementKind,
    LocalDate sessionDate,
    String sessionTime,
    int durationHours,
    String sessionFormat,
    String venueAndAccess,
    int places,
    List<String> livedExperience,
    String whoWillAttend) {}
