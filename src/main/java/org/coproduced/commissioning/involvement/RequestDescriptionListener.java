package org.coproduced.commissioning.involvement;

import static org.coproduced.commissioning.involvement.InvolvementVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.experts.LivedExperienceAreas;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.involvement.peerresearch.PeerResearchAsk;
import org.coproduced.commissioning.involvement.peerresearch.PeerResearchForm;
import org.coproduced.commissioning.involvement.peerresearch.PeerResearchRepository;
import java.util.Optional;
import org.coproduced.commissioning.schedule.CycleSchedule;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.stereotype.Component;

/**
 * Saves what the commissioner asks of experts, and works out how much notice experts would get,
 * so the coordinator can see it at a glance. A request for peer research only has no session: its
 * date is the date views are gathered by, and the session's other details are left empty.
 */
@Component
public class RequestDescriptionListener implements TaskListener {

  /** How a session can happen, as the forms offer it. */
  public static final String[] SESSION_FORMATS = {"in-person", "online", "phone", "mixed"};
  /** A start time as people write it, e.g. 10:30. */
  public static final String SESSION_TIME_PATTERN = "([01][0-9]|2[0-3]):[0-5][0-9]";
  /** What a request without a session stores as its format, so nobody mistakes it for one. */
  public static final String NO_SESSION_FORMAT = "peer-research";
  /** The time of day views are due by, for a request without a session. */
  static final String END_OF_DAY = "17:00";

  private final InvolvementRequestRepository requests;
  private final CycleSchedule schedule;
  private final LivedExperienceAreas areas;
  private final PeerResearchForm peerResearchForm;
  private final PeerResearchRepository peerResearch;

  public RequestDescriptionListener(InvolvementRequestRepository requests, CycleSchedule schedule,
      LivedExperienceAreas areas, PeerResearchForm peerResearchForm, PeerResearchRepository peerResearch) {
    this.requests = requests;
    this.schedule = schedule;
    this.areas = areas;
    this.peerResearchForm = peerResearchForm;
    this.peerResearch = peerResearch;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    Optional<PeerResearchAsk> peerResearchAsk = peerResearchForm.read(form);
    boolean session = peerResearchAsk.map(PeerResearchAsk::sessionToo).orElse(true);
    RequestDetails details = session ? sessionDetails(form) : withoutSession(form, peerResearchAsk.get());
    // Optional, so requests described before the question existed (and older forms) still go through.
    boolean ownExperience = ownExperience(form);
    if (session && details.sessionDate().isBefore(ProcessClock.today())) {
      throw new FormInputException("The session date has already passed. Please choose a later date.");
    }
    int notice = schedule.noticeWorkingDays(details.sessionDate());
    Object existing = task.getVariable(REQUEST_ID);
    long requestId = requests.save(existing == null ? null : ((Number) existing).longValue(), form.id(CYCLE_ID),
        form.processText(STAGE), details, notice, task.getProcessInstanceId());
    requests.recordOwnExperience(requestId, ownExperience);
    peerResearch.saveAsk(requestId, peerResearchAsk.map(ask ->
        new PeerResearchAsk(requestId, ask.sessionToo(), ask.gatheredBy(), ask.whatToAsk())));
    task.setVariable(REQUEST_ID, requestId);
    task.setVariable(NOTICE_WORKING_DAYS, notice);
    task.setVariable(MINIMUM_NOTICE_DAYS, schedule.minimumNoticeWorkingDays());
  }

  private RequestDetails sessionDetails(TaskForm form) {
    return new RequestDetails(
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
  }

  /**
   * Peer research only: the gate's date is the date views are gathered by (notice, matching and the
   * auditors read it), with no time, length, place or other people of a session.
   */
  private RequestDetails withoutSession(TaskForm form, PeerResearchAsk ask) {
    return new RequestDetails(
        form.requiredText(WHAT_IS_ASKED, "What you are asking experts to do", TaskForm.LONG_TEXT),
        form.requiredText(WHY_ASKED, "Why you are asking", TaskForm.LONG_TEXT),
        form.requiredChoice(INVOLVEMENT_KIND, "Coproduction or consultation", "coproduction", "consultation"),
        ask.gatheredBy(), END_OF_DAY, 0, NO_SESSION_FORMAT, "",
        form.requiredWholeNumber(PLACES, "How many experts", 1, 12),
        form.requiredList(LIVED_EXPERIENCE, "Lived experience you want to hear from", areas.activeCodes()),
        "");
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
