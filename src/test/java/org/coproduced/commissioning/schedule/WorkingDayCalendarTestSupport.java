package org.coproduced.commissioning.schedule;

/** The schedule settings of application.yaml, for tests outside this package. */
public final class WorkingDayCalendarTestSupport {

  private WorkingDayCalendarTestSupport() {}

  public static ScheduleProperties properties(int minimumNoticeWorkingDays) {
    return WorkingDayCalendarTest.properties(minimumNoticeWorkingDays);
  }
}
