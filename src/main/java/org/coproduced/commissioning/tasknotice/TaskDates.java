package org.coproduced.commissioning.tasknotice;

import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.coproduced.commissioning.schedule.CycleSchedule;
import org.coproduced.commissioning.schedule.IsoPeriods;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.coproduced.commissioning.stepback.ExpertTaskProperties;
import org.springframework.stereotype.Component;

/**
 * Due and follow-up dates from what the process already knows, so "sort by due date" in Tasklist
 * puts first what must happen first: the reply-by date the invitation gave, the session, the end
 * of the standstill, the day a coordinator steps in if feedback is not acknowledged, the time an
 * expert has to review, declare or score ({@code coproduction.expert-tasks}). A date the
 * model sets itself ({@code camunda:dueDate}) is kept.
 */
@Component
public class TaskDates {

  /** Work that must be done before the session it prepares. */
  static final Set<String> BEFORE_THE_SESSION = Set.of("Activity_ReviewRequest", "Activity_ConfirmExperts",
      "Activity_FollowUpInvitation", "Activity_TellExpert");

  private final TaskFacts facts;
  private final CycleSchedule schedule;
  private final ExpertTaskProperties expertTasks;

  public TaskDates(TaskFacts facts, CycleSchedule schedule, ExpertTaskProperties expertTasks) {
    this.facts = facts;
    this.schedule = schedule;
    this.expertTasks = expertTasks;
  }

  public void apply(DelegateTask task) {
    if (task.getDueDate() != null) {
      return;
    }
    String key = task.getTaskDefinitionKey();
    if (BEFORE_THE_SESSION.contains(key)) {
      facts.sessionStart(task).ifPresent(task::setDueDate);
    } else if ("Activity_AnswerInvitation".equals(key)) {
      // The reply-by date the invitation states; the reminder goes out on the follow-up date.
      task.setDueDate(earliest(after(schedule.invitationFollowUpAfter()), facts.sessionStart(task).orElse(null)));
      task.setFollowUpDate(after(schedule.invitationReminderAfter()));
    } else if ("Activity_AcknowledgeFeedback".equals(key)) {
      // A coordinator steps in after this, by the person's channel.
      task.setDueDate(after(schedule.feedbackFollowUpAfter()));
    } else if (expertTasks.dueDate(key, ProcessClock.now()).isPresent()) {
      // Reviewing, declaring, scoring: a reminder goes before this date, a coordinator checks in after it.
      task.setDueDate(ProcessClock.toDate(expertTasks.dueDate(key, ProcessClock.now()).get()));
    } else if ("Activity_TellPanelOfAward".equals(key) && task.getVariable("standstillEndsAt") instanceof Date end) {
      // The contract waits for the standstill and for every expert on the panel to be told.
      task.setDueDate(end);
    }
  }

  private static Date after(String isoPeriod) {
    return ProcessClock.toDate(IsoPeriods.plus(ProcessClock.now(), isoPeriod));
  }

  private static Date earliest(Date a, Date b) {
    return b == null || a.before(b) ? a : b;
  }
}
