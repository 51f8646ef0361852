package org.coproduced.commissioning.schedule;

import java.time.Duration;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/** ISO 8601 periods that may be calendar based ({@code P12M}) or clock based ({@code PT10M}). */
public final class IsoPeriods {

  private IsoPeriods() {}

  static void parse(String iso) {
    plus(ZonedDateTime.now(), iso);
  }

  /** The moment {@code iso} (such as {@code P5D}, {@code PT30M} or {@code P1DT2H}) after {@code start}. */
  public static ZonedDateTime plus(ZonedDateTime start, String iso) {
    if (iso == null || iso.isBlank()) {
      throw new IllegalArgumentException("A period is missing in the coproduction.schedule settings");
    }
    try {
      int timePart = iso.indexOf('T');
      if (timePart < 0) {
        return start.plus(Period.parse(iso));
      }
      ZonedDateTime withDays = timePart > 1 ? start.plus(Period.parse(iso.substring(0, timePart))) : start;
      return withDays.plus(Duration.parse("P" + iso.substring(timePart)));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + iso + "' is not an ISO 8601 period such as P3D or PT10M", e);
    }
  }
}
