package org.coproduced.commissioning.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Dates as people read them on the application's pages ("2 Dec 2026"), e.g. {@code ${@pageDates.show(day)}}. */
@Component
public class PageDates {

  public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

  /** The date, or an empty text when there is none. */
  public String show(LocalDate day) {
    return day == null ? "" : FORMAT.format(day);
  }
}
