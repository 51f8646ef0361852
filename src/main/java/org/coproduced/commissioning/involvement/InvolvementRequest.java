package org.coproduced.commissioning.involvement;

import java.time.LocalDate;
import java.util.Set;

/** What a commissioner asks experts to do at one stage of a cycle. */
public record InvolvementRequest(
    long id,
    long cycleId,
    String stage,
    String whatIsAsked,
    String whyAsked,
    String involvementKind,
    LocalDate sessionDate,
    String sessionTime,
    int durationHours,
    String sessionFormat,
    String venueAndAccess,
    int places,
    Set<String> livedExperience,
    String whoWillAttend,
    String status,
    int noticeWorkingDays,
    String representationGaps) {}
