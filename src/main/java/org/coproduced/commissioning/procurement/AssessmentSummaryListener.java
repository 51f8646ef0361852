package org.coproduced.commissioning.procurement;

import static org.coproduced.commissioning.procurement.ProcurementVariables.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.stereotype.Component;

/**
 * One bidder's assessment summary. On creation the form gets a draft from the agreed scores,
 * weightings and moderation reasons (a private field: never in history, and removed from the
 * engine when the task is done); on completion the commissioner's text is checked (plain English,
 * nobody on the panel named) and kept with the tender, with the day it was sent.
 */
@Component
public class AssessmentSummaryListener implements TaskListener {

  private final AssessmentSummaries summaries;
  private final AwardSteps steps;

  public AssessmentSummaryListener(AssessmentSummaries summaries, AwardSteps steps) {
    this.summaries = summaries;
    this.steps = steps;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    long cycleId = form.id(CYCLE_ID);
    long bidId = form.id(BID_ID);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setVariableLocal(ASSESSMENT_SUMMARY, summaries.draft(cycleId, bidId));
      return;
    }
    LocalDate sentOn = form.requiredDate(SUMMARY_SENT_ON, "Date you sent it");
    if (sentOn.isAfter(ProcessClock.today())) {
      throw new FormInputException("The date you sent it cannot be in the future.");
    }
    String text = form.requiredText(ASSESSMENT_SUMMARY, "Assessment summary", 8000);
    summaries.check(cycleId, text);
    form.takePrivateText(ASSESSMENT_SUMMARY, "Assessment summary", 8000);
    steps.saveSummary(cycleId, bidId, text, sentOn, task.getAssignee() == null ? "unknown" : task.getAssignee());
  }
}
