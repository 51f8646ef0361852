package org.coproduced.commissioning.schedule;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * When the timers of a cycle fire. Used by listeners that set the timer dates as variables, and
 * from BPMN expressions ({@code ${involvementSchedule...}}, {@code ${feedbackSchedule...}}).
 */
@Component
public class CycleSchedule {

  private final ScheduleProperties properties;
  private final WorkingDayCalendar calendar;

  public CycleSchedule(ScheduleProperties properties, WorkingDayCalendar calendar) {
    this.properties = properties;
    this.calendar = calendar;
  }

  /** The tender closes at the start of its closing date (at once if that day has come). */
  public Date tenderClosesAt(LocalDate closingDate) {
    return Date.from(closingDate.atStartOfDay(ZoneId.systemDefault()).toInstant());
  }

  /** The standstill ends after the configured number of working days, counted from today. */
  public Date standstillEndsAt() {
    if (properties.standstillWorkingDays() == 0) {
      return ProcessClock.toDate(ProcessClock.now());
    }
    LocalDate end = calendar.addWorkingDays(ProcessClock.today(), properties.standstillWorkingDays());
    return Date.from(end.atTime(LocalTime.of(9, 0)).atZone(ZoneId.systemDefault()).toInstant());
  }

  /**
   * The last day of the standstill that a contract award notice published on {@code publishedOn}
   * starts: the configured number of working days beginning with that day. Null when the
   * configuration keeps no standstill (demonstrations).
   */
  public LocalDate standstillLastDay(LocalDate publishedOn) {
    if (properties.standstillWorkingDays() == 0) {
      return null;
    }
    return calendar.lastOfWorkingDaysBeginningWith(publishedOn, properties.standstillWorkingDays());
  }

  /** The standstill is over at the start of the day after its last day (at once when none is kept). */
  public Date standstillEndsAfterNotice(LocalDate publishedOn) {
    LocalDate lastDay = standstillLastDay(publishedOn);
    if (lastDay == null) {
      return ProcessClock.toDate(ProcessClock.now());
    }
    return Date.from(lastDay.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant());
  }

  /** The review is due the configured period after the contract is awarded. */
  public Date reviewDueAt() {
    return ProcessClock.toDate(IsoPeriods.plus(ProcessClock.now(), properties.reviewAfter()));
  }

  /** Working days of notice an expert would get for a session on {@code sessionDate}. */
  public int noticeWorkingDays(LocalDate sessionDate) {
    return calendar.workingDaysBetween(ProcessClock.today(), sessionDate);
  }

  public int minimumNoticeWorkingDays() {
    return properties.minimumNoticeWorkingDays();
  }

  /** When the session is held: its date and time, or the demonstration override. */
  public Date sessionHeldAt(LocalDate sessionDate, String sessionTime) {
    if (properties.hasSessionWaitOverride()) {
      return ProcessClock.toDate(IsoPeriods.plus(ProcessClock.now(), properties.sessionWaitOverride()));
    }
    LocalTime time = LocalTime.parse(sessionTime);
    return Date.from(sessionDate.atTime(time).atZone(ZoneId.systemDefault()).toInstant());
  }

  /**
   * When everyone who said yes is reminded of a session: 09:00 on the working day the configured
   * number of working days before it (two hours before it starts if that is earlier); at once
   * when that has passed. When a demonstration holds sessions early, half-way to the session, so
   * the reminder is seen before it and not at the very moment people are still being invited.
   */
  public Date sessionReminderAt(LocalDate sessionDate, String sessionTime) {
    if (properties.hasSessionWaitOverride()) {
      java.time.ZonedDateTime now = ProcessClock.now();
      java.time.Duration wait = java.time.Duration.between(now, IsoPeriods.plus(now, properties.sessionWaitOverride()));
      return ProcessClock.toDate(now.plus(wait.dividedBy(2)));
    }
    java.time.LocalDateTime start = sessionDate.atTime(LocalTime.parse(sessionTime));
    java.time.LocalDateTime reminder =
        calendar.minusWorkingDays(sessionDate, properties.sessionReminderWorkingDays()).atTime(LocalTime.of(9, 0));
    if (reminder.isAfter(start.minusHours(2))) {
      reminder = start.minusHours(2);
    }
    return Date.from(reminder.atZone(ZoneId.systemDefault()).toInstant());
  }

  public String invitationReminderAfter() {
    return properties.invitationReminderAfter();
  }

  public String invitationFollowUpAfter() {
    return properties.invitationFollowUpAfter();
  }

  public String feedbackFollowUpAfter() {
    return properties.feedbackFollowUpAfter();
  }
}
