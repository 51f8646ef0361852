package org.coproduced.commissioning.involvement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.schedule.CycleSchedule;
import org.coproduced.commissioning.schedule.WorkingDayCalendar;
import org.coproduced.commissioning.schedule.WorkingDayCalendarTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The minimum notice rule as the coordinator meets it when checking a request: at least 10 working
 * days between the check (when invitations go out) and the session, weekends and bank holidays not
 * counted; shorter notice only with a recorded exception and its reason.
 */
class NoticeRuleTest {

  static final String REASON = "The experts asked to meet before the consultation closes.";

  final InvolvementRequestRepository requests = mock(InvolvementRequestRepository.class);
  final Map<String, Object> variables = new HashMap<>();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @ParameterizedTest(name = "checked {0}, session {1}: {2} working days, exception {3}, reason {4}: {5}")
  @CsvSource({
      "2027-03-01, 2027-03-15, 10, false, false, accepted",
      "2027-03-01, 2027-03-12, 9, false, false, refused",
      "2027-03-01, 2027-03-12, 9, true, true, accepted with exception",
      "2027-03-01, 2027-03-12, 9, true, false, refused",
      "2027-03-01, 2027-03-12, 9, false, true, refused",
      "2027-03-01, 2027-03-14, 9, false, false, refused",
      "2027-03-22, 2027-04-06, 9, false, false, refused",
      "2027-03-22, 2027-04-07, 10, false, false, accepted",
      "2026-12-14, 2026-12-29, 9, false, false, refused",
      "2026-12-14, 2026-12-30, 10, false, false, accepted",
      "2027-03-01, 2027-03-02, 1, true, true, accepted with exception"})
  void shortNoticeNeedsARecordedException(LocalDate today, LocalDate session, int notice, boolean exception,
      boolean reason, String outcome) {
    ClockUtil.setCurrentTime(Date.from(today.atTime(9, 0).atZone(ZoneId.systemDefault()).toInstant()));
    when(requests.get(7L)).thenReturn(request(session));
    variables.put("requestId", 7L);
    variables.put("requestDecision", "accept");
    variables.put("noticeException", exception);
    variables.put("noticeExceptionReason", reason ? REASON : "");
    RequestReviewListener listener = new RequestReviewListener(requests, new NoticeRule(schedule()), mock(NobodyCouldTakePartRule.class));

    if (outcome.equals("refused")) {
      assertThatThrownBy(() -> listener.notify(task())).isInstanceOf(FormInputException.class)
          .hasMessage("The session is only " + notice + " working days away. Experts need at least 10 working days' "
              + "notice. Send the request back, or tick \"Accept shorter notice\" and say why.");
      verify(requests, never()).recordReview(anyLong(), any(), any(), any());
      return;
    }
    listener.notify(task());
    verify(requests).recordReview(eq(7L), eq(RequestStatus.ACCEPTED), any(),
        eq(outcome.equals("accepted with exception") ? REASON : null));
    assertThat(variables).containsEntry("noticeWorkingDays", notice);
  }

  private CycleSchedule schedule() {
    WorkingDayCalendar calendar = new WorkingDayCalendar(WorkingDayCalendarTestSupport.properties(10));
    return new CycleSchedule(WorkingDayCalendarTestSupport.properties(10), calendar);
  }

  private DelegateTask task() {
    DelegateTask task = mock(DelegateTask.class);
    when(task.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
    org.mockito.Mockito.doAnswer(call -> variables.put(call.getArgument(0), call.getArgument(1)))
        .when(task).setVariable(anyString(), any());
    return task;
  }

  private static InvolvementRequest request(LocalDate session) {
    return new InvolvementRequest(7, 1, "ANALYSE", "What", "Why", "coproduction", session, "10:30", 2, "in-person",
        "Hall", 2, Set.of("homelessness"), "Commissioner", "SUBMITTED", 0, null);
  }
}
