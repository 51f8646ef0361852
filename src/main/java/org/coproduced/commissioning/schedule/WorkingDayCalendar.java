package org.coproduced.commissioning.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Working days: Monday to Friday, except the configured bank holidays. */
@Component
public class WorkingDayCalendar {

  private final Set<LocalDate> bankHolidays;

  public WorkingDayCalendar(ScheduleProperties properties) {
    this.bankHolidays = new HashSet<>(properties.bankHolidays());
  }

  public boolean isWorkingDay(LocalDate day) {
    DayOfWeek dayOfWeek = day.getDayOfWeek();
    return dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY && !bankHolidays.contains(day);
  }

  /** The day {@code workingDays} working days after {@code start} (start itself if 0). */
  public LocalDate addWorkingDays(LocalDate start, int workingDays) {
    LocalDate day = start;
    int counted = 0;
    while (counted < workingDays) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /**
   * The last of {@code workingDays} working days beginning with {@code first}: {@code first} counts
   * as the first when it is a working day (a standstill "beginning with the day on which the notice
   * is published"), otherwise the count starts on the next working day.
   */
  public LocalDate lastOfWorkingDaysBeginningWith(LocalDate first, int workingDays) {
    if (workingDays < 1) {
      throw new IllegalArgumentException("At least one working day, not " + workingDays);
    }
    return addWorkingDays(first.minusDays(1), workingDays);
  }

  /** The day {@code workingDays} working days before {@code end} ({@code end} itself if 0). */
  public LocalDate minusWorkingDays(LocalDate end, int workingDays) {
    LocalDate day = end;
    int counted = 0;
    while (counted < workingDays) {
      day = day.minusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not later. */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    int count = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        count++;
      }
    }
    return count;
  }
}
