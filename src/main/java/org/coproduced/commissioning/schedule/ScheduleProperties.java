package org.coproduced.commissioning.schedule;

import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every waiting period of a cycle, so a demonstration can run in minutes while a council uses
 * real periods. Durations are ISO 8601 ({@code P3D}, {@code PT10M}, {@code P12M}).
 *
 * @param minimumNoticeWorkingDays working days an expert must have between the request and the session
 * @param invitationReminderAfter when an unanswered invitation gets a reminder
 * @param invitationFollowUpAfter when the coordinator is asked to contact the expert instead
 * @param feedbackFollowUpAfter when unacknowledged feedback goes to a coordinator to deliver
 * @param standstillWorkingDays working days between the award decision and the contract
 * @param reviewAfter how long after the award the service is reviewed
 * @param sessionWaitOverride for demonstrations only: sessions take place this long after the
 *     invitations close, instead of on their date
 * @param bankHolidays days that are not working days
 * @param sessionReminderWorkingDays working days before a session that everyone who said yes is
 *     reminded of it (at 09:00 that day)
 */
@ConfigurationProperties("coproduction.schedule")
public record ScheduleProperties(
    int minimumNoticeWorkingDays,
    String invitationReminderAfter,
    String invitationFollowUpAfter,
    String feedbackFollowUpAfter,
    int standstillWorkingDays,
    String reviewAfter,
    String sessionWaitOverride,
    List<LocalDate> bankHolidays,
    int sessionReminderWorkingDays) {

  public ScheduleProperties {
    bankHolidays = bankHolidays == null ? List.of() : List.copyOf(bankHolidays);
    if (sessionReminderWorkingDays < 0) {
      throw new IllegalArgumentException("coproduction.schedule.session-reminder-working-days cannot be negative");
    }
    IsoPeriods.parse(invitationReminderAfter);
    IsoPeriods.parse(invitationFollowUpAfter);
    IsoPeriods.parse(feedbackFollowUpAfter);
    IsoPeriods.parse(reviewAfter);
    if (sessionWaitOverride != null && !sessionWaitOverride.isBlank()) {
      IsoPeriods.parse(sessionWaitOverride);
    }
  }

  public boolean hasSessionWaitOverride() {
    return sessionWaitOverride != null && !sessionWaitOverride.isBlank();
  }
}
