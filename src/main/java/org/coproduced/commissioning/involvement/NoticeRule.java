package org.coproduced.commissioning.involvement;

import java.time.LocalDate;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.schedule.CycleSchedule;
import org.springframework.stereotype.Component;

/**
 * Experts told us late invitations are one of the things that hurt most: a session closer than the
 * minimum notice needs someone to say why that is acceptable. Checked when a coordinator accepts a
 * request and again when they move its session.
 */
@Component
public class NoticeRule {

  private final CycleSchedule schedule;

  public NoticeRule(CycleSchedule schedule) {
    this.schedule = schedule;
  }

  /**
   * The working days' notice a session on this date gives.
   *
   * @param exceptionGiven whether someone said why shorter notice is acceptable
   * @param whatToDo what the person can do about short notice, in their words
   * @throws FormInputException if the notice is short and nobody said why
   */
  public int check(LocalDate sessionDate, boolean exceptionGiven, String whatToDo) {
    int notice = schedule.noticeWorkingDays(sessionDate);
    if (notice < schedule.minimumNoticeWorkingDays() && !exceptionGiven) {
      throw new FormInputException("The session is only " + notice + " working days away. Experts need at least "
          + schedule.minimumNoticeWorkingDays() + " working days' notice. " + whatToDo);
    }
    return notice;
  }

  /** Whether a session on this date gives less notice than experts need. */
  public boolean isShort(LocalDate sessionDate) {
    return schedule.noticeWorkingDays(sessionDate) < schedule.minimumNoticeWorkingDays();
  }
}
