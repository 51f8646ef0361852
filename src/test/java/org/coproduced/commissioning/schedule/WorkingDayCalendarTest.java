package org.coproduced.commissioning.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Working days skip weekends and the configured bank holidays (England and Wales, 2026 to 2027). */
class WorkingDayCalendarTest {

  /** The bank holidays of application.yaml. */
  static final List<LocalDate> BANK_HOLIDAYS = List.of(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-28"),
      LocalDate.parse("2027-01-01"), LocalDate.parse("2027-03-26"), LocalDate.parse("2027-03-29"),
      LocalDate.parse("2027-05-03"), LocalDate.parse("2027-05-31"), LocalDate.parse("2027-08-30"),
      LocalDate.parse("2027-12-27"), LocalDate.parse("2027-12-28"));

  static WorkingDayCalendar calendar() {
    return new WorkingDayCalendar(properties(10));
  }

  static ScheduleProperties properties(int minimumNotice) {
    return new ScheduleProperties(minimumNotice, "P3D", "P5D", "P10D", 8, "P12M", null, BANK_HOLIDAYS, 2);
  }

  @ParameterizedTest(name = "{0} is a working day: {1}")
  @CsvSource({
      "2027-03-01, true",   // Monday
      "2027-03-05, true",   // Friday
      "2027-03-06, false",  // Saturday
      "2027-03-07, false",  // Sunday
      "2027-03-26, false",  // Good Friday
      "2027-03-29, false",  // Easter Monday
      "2026-12-25, false",  // Christmas Day
      "2026-12-28, false",  // Boxing Day, moved to the Monday
      "2026-12-29, true",
      "2027-01-01, false"})
  void weekendsAndBankHolidaysAreNotWorkingDays(LocalDate day, boolean working) {
    assertThat(calendar().isWorkingDay(day)).isEqualTo(working);
  }

  @ParameterizedTest(name = "a session on {0} at {1} is reminded at {2}")
  @CsvSource({
      "2027-03-10, 10:30, 2027-03-08T09:00",  // Wednesday: the Monday
      "2027-03-08, 10:30, 2027-03-04T09:00",  // Monday: the weekend does not count
      "2027-01-05, 10:30, 2026-12-31T09:00",  // New Year's Day does not count
      "2027-03-30, 14:00, 2027-03-24T09:00",  // Good Friday and Easter Monday do not count
      "2027-03-10, 08:00, 2027-03-08T09:00"})
  void everyoneComingIsRemindedTwoWorkingDaysBeforeAtNine(LocalDate session, String time, String expected) {
    CycleSchedule schedule = new CycleSchedule(properties(10), calendar());

    assertThat(schedule.sessionReminderAt(session, time).toInstant().atZone(ZoneId.systemDefault()).toLocalDateTime())
        .isEqualTo(java.time.LocalDateTime.parse(expected));
  }

  @Test
  void aReminderOnTheDayComesTwoHoursBeforeTheSession() {
    ScheduleProperties sameDay = new ScheduleProperties(10, "P3D", "P5D", "P10D", 8, "P12M", null, BANK_HOLIDAYS, 0);
    CycleSchedule schedule = new CycleSchedule(sameDay, new WorkingDayCalendar(sameDay));

    assertThat(schedule.sessionReminderAt(LocalDate.parse("2027-03-10"), "10:30").toInstant()
        .atZone(ZoneId.systemDefault()).toLocalDateTime()).isEqualTo(java.time.LocalDateTime.parse("2027-03-10T08:30"));
  }

  @ParameterizedTest(name = "from {0} to {1}: {2} working days")
  @CsvSource({
      "2027-03-01, 2027-03-15, 10",  // two ordinary weeks
      "2027-03-01, 2027-03-12, 9",
      "2027-03-01, 2027-03-13, 9",   // a Saturday adds nothing
      "2027-03-01, 2027-03-14, 9",
      "2027-03-22, 2027-04-06, 9",   // Easter takes two days out
      "2026-12-14, 2026-12-30, 10",  // Christmas Day and Boxing Day
      "2026-12-14, 2026-12-29, 9",
      "2026-12-14, 2027-01-04, 12",  // and New Year's Day
      "2027-03-01, 2027-03-01, 0",
      "2027-03-05, 2027-03-01, 0"})  // a date in the past
  void workingDaysAreCountedAfterTheFirstDayUpToAndIncludingTheLast(LocalDate from, LocalDate to, int expected) {
    assertThat(calendar().workingDaysBetween(from, to)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{1} working days after {0} is {2}")
  @CsvSource({
      "2027-03-01, 0, 2027-03-01",
      "2027-03-05, 1, 2027-03-08",
      "2027-03-25, 1, 2027-03-30",
      "2026-12-23, 3, 2026-12-30",
      "2027-03-19, 8, 2027-04-02"})
  void addingWorkingDaysSkipsWeekendsAndBankHolidays(LocalDate start, int days, LocalDate expected) {
    assertThat(calendar().addWorkingDays(start, days)).isEqualTo(expected);
    assertThat(calendar().workingDaysBetween(start, expected)).isEqualTo(days);
  }

  @ParameterizedTest(name = "a contract award notice published on {0}: standstill to the end of {1}")
  @CsvSource({
      "2027-03-22, 2027-04-02",  // Monday before Easter: Good Friday and Easter Monday do not count
      "2026-12-24, 2027-01-07",  // Christmas Eve counts; Christmas, Boxing Day (moved) and New Year's Day do not
      "2026-12-19, 2027-01-04",  // a Saturday: the count begins on the Monday
      "2027-05-28, 2027-06-09",  // Friday before the spring bank holiday
      "2027-03-01, 2027-03-10"}) // an ordinary week: Monday to the next Wednesday
  void theStandstillIsEightWorkingDaysBeginningWithTheDayOfPublication(LocalDate published, LocalDate lastDay) {
    CycleSchedule schedule = new CycleSchedule(properties(10), calendar());

    assertThat(schedule.standstillLastDay(published)).isEqualTo(lastDay);
    assertThat(calendar().workingDaysBetween(published.minusDays(1), lastDay)).isEqualTo(8);
    assertThat(schedule.standstillEndsAfterNotice(published).toInstant())
        .as("the contract may be entered into from the start of the next day")
        .isEqualTo(lastDay.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant());
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
    assertThatThrownBy(() -> new ScheduleProperties(10, "three days", "P5D", "P10D", 8, "P12M", null, List.of(), 2))
        .hasMessageContaining("'three days' is not an ISO 8601 period");
  }
}
