package org.coproduced.commissioning.involvement;

import java.time.LocalDate;

/**
 * A session's new date, time, format and place, as a coordinator gives them when moving it, with
 * why it moves (told to everyone invited) and, if the new date gives less notice than experts
 * need, why that is acceptable ({@code null} otherwise).
 */
public record SessionMove(LocalDate date, String time, String format, String venueAndAccess, String reason,
    String shortNoticeReason) {}
