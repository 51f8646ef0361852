package org.coproduced.commissioning.cycle;

import static org.coproduced.commissioning.cycle.CycleVariables.*;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.cycle.CycleRepository.SpecificationReview;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.involvement.recompense.RecompenseProperties;
import org.coproduced.commissioning.involvement.recompense.WorkRecorder;
import org.springframework.stereotype.Component;

/**
 * Records the meeting a coordinator held when three review rounds did not reach agreement, and
 * what each expert who reviewed that round is owed for coming to it: the meeting is work.
 */
@Component
public class MediationListener implements TaskListener {

  private final CycleRepository cycles;
  private final WorkRecorder work;

  public MediationListener(CycleRepository cycles, WorkRecorder work) {
    this.cycles = cycles;
    this.work = work;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    long cycleId = form.id(CYCLE_ID);
    int round = ((Number) task.getVariable(REVIEW_ROUND)).intValue();
    LocalDate meetingDate = form.requiredDate(MEETING_DATE, "Date of the meeting");
    Integer hours = form.optionalWholeNumber(MEETING_HOURS, "How long the meeting took, in hours", 1,
        RecompenseProperties.MOST_HOURS_OF_WORK);
    cycles.recordMediation(cycleId, round, meetingDate,
        form.requiredText(AGREED_CHANGES, "What was agreed", TaskForm.LONG_TEXT),
        task.getAssignee());
    List<String> reviewers = cycles.specificationReviews(cycleId).stream().filter(r -> r.round() == round)
        .map(SpecificationReview::reviewer).toList();
    work.recordMediationMeeting(cycleId, round, reviewers, hours, meetingDate);
  }
}
