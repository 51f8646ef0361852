package org.coproduced.commissioning.involvement;

import static org.coproduced.commissioning.involvement.InvolvementVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.experts.LivedExperienceAreas;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.schedule.CycleSchedule;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.stereotype.Component;

/**
 * Saves what the commissioner asks of experts, and works out how much notice experts would get,
 * so the coordinator can see it at a glance.
 */
@Component
public class RequestDescriptionListener implements TaskListener {

  /** How a session can happen, as the forms offer it. */
  public static final String[] SESSION_FORMATS = {"in-person", "online", "phone", "mixed"};
  /** A start time as people write it, e.g. 10:30. */
  public static final String SESSION_TIME_PATTERN = "([01][0-9]|2[0-3]):[0-5][0-9]";

  private final InvolvementRequestRepository requests;
  private final CycleSchedule schedule;
  private final LivedExperienceAreas areas;

  public RequestDescriptionListener(InvolvementRequestRepository requests, CycleSchedule schedule,
      LivedExperienceAreas areas) {
    this.requests = requests;
    this.schedule = schedule;
    this.areas = areas;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    RequestDetails details = new RequestDetails(
        form.requiredText(WHAT_IS_ASKED, "What you are asking experts to do", TaskForm.LONG_TEXT),
        form.requiredText(WHY_ASKED, "Why you are asking", TaskForm.LONG_TEXT),
        form.requiredChoice(INVOLVEMENT_KIND, "Coproduction or consultation", "coproduction", "consultation"),
        form.requiredDate(SESSION_DATE, "Date of the session"),
        sessionTime(form),
        form.requiredWholeNumber(DURATION_HOURS, "How many hours", 1, 8),
        form.requiredChoice(SESSION_FORMAT, "How the session happens", SESSION_FORMATS),
        form.requiredText(VENUE_AND_ACCESS, "Where, and how it is accessible", TaskForm.LONG_TEXT),
        form.requiredWholeNumber(PLACES, "How many experts", 1, 12),
        form.requiredList(LIVED_EXPERIENCE, "Lived experience you want to hear from", areas.activeCodes()),
        form.requiredText(WHO_WILL_ATTEND, "Who else will be there", TaskForm.LONG_TEXT));
    // Optional, so requests described before the question existed (and older forms) still go through.
    boolean ownExperience = ownExperience(form);
    if (details.sessionDate().isBefore(ProcessClock.today())) {
      throw new FormInputException("The session date has already passed. Please choose a later date.");
    }
    int notice = schedule.noticeWorkingDays(details.sessionDate());
    Object existing = task.getVariable(REQUEST_ID);
    long requestId = requests.save(existing == null ? null : ((Number) existing).longValue(), form.id(CYCLE_ID),
        form.processText(STAGE), details, notice, task.getProcessInstanceId());
    requests.recordOwnExperience(requestId, ownExperience);
    task.setVariable(REQUEST_ID, requestId);
    task.setVariable(NOTICE_WORKING_DAYS, notice);
    task.setVariable(MINIMUM_NOTICE_DAYS, schedule.minimumNoticeWorkingDays());
  }

  private static boolean ownExperience(TaskForm form) {
    String answer = form.optionalText(OWN_EXPERIENCE, "Own experiences", TaskForm.SHORT_TEXT);
    if (answer != null && !answer.equals("yes") && !answer.equals("no")) {
      throw new FormInputException("Please choose \"Yes\" or \"No\" for whether people may be asked about their "
          + "own experiences.");
    }
    return "yes".equals(answer);
  }

  private static String sessionTime(TaskForm form) {
    String time = form.requiredText(SESSION_TIME, "Start time", 5);
    if (!time.matches(SESSION_TIME_PATTERN)) {
      throw new FormInputException("Please give the start time like 10:30.");
    }
    return time;
  }
}
