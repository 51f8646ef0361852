package org.coproduced.commissioning.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Working days skip weekends and the configured bank holidays. */
class WorkingDayCalendarTest {

  static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(new ScheduleProperties(10, "P3D", "P5D", "P10D", 8,
      "P12M", null, List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 1))));

  @ParameterizedTest(name = "{1} working days after {0} is {2}")
  @CsvSource({
      "2026-11-23, 0, 2026-11-23",   // Monday, no days
      "2026-11-23, 1, 2026-11-24",   // Monday to Tuesday
      "2026-11-27, 1, 2026-11-30",   // Friday skips the weekend
      "2026-11-23, 10, 2026-12-07",  // two working weeks
      "2026-12-24, 1, 2026-12-29",   // Christmas Day, weekend and the Boxing Day holiday skipped
      "2026-12-31, 1, 2027-01-04",   // New Year's Day and a weekend skipped
      "2026-12-16, 8, 2026-12-30"})  // a standstill across the Christmas holidays
  void addsWorkingDays(LocalDate start, int days, LocalDate expected) {
    assertThat(CALENDAR.addWorkingDays(start, days)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "from {0} to {1}: {2} working days of notice")
  @CsvSource({
      "2026-11-23, 2026-11-23, 0",
      "2026-11-23, 2026-12-07, 10",
      "2026-11-27, 2026-11-30, 1",
      "2026-12-21, 2027-01-04, 7",
      "2026-12-07, 2026-11-23, 0"})
  void countsNoticeInWorkingDays(LocalDate from, LocalDate to, int expected) {
    assertThat(CALENDAR.workingDaysBetween(from, to)).isEqualTo(expected);
  }

  @Test
  void periodsMayBeCalendarOrClockBased() {
    ZonedDateTime start = ZonedDateTime.of(2026, 1, 31, 9, 0, 0, 0, ZoneId.of("Europe/London"));
    assertThat(IsoPeriods.plus(start, "P1M")).isEqualTo(start.withMonth(2).withDayOfMonth(28));
    assertThat(IsoPeriods.plus(start, "PT10M")).isEqualTo(start.plusMinutes(10));
    assertThat(IsoPeriods.plus(start, "P1DT2H")).isEqualTo(start.plusDays(1).plusHours(2));
  }

  @Test
  void aMistypedPeriodStopsTheApplicationFromStarting() {
    assertThatThrownBy(() -> new ScheduleProperties(10, "three days", "P5D", "P10D", 8, "P12M", null, List.of()))
        .hasMessageContaining("'three days' is not an ISO 8601 period");
  }
}
