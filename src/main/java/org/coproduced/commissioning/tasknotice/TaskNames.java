package org.coproduced.commissioning.tasknotice;

import static org.coproduced.commissioning.access.TasklistFilters.ABOUT_COLUMN;
import static org.coproduced.commissioning.access.TasklistFilters.CYCLE_COLUMN;
import static org.coproduced.commissioning.access.TasklistFilters.SESSION_COLUMN;
import static org.coproduced.commissioning.access.TasklistFilters.STAGE_COLUMN;

import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.notification.MessageContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Names every user task for what it is about, so people can tell tasks apart in Tasklist and in
 * notices: "Answer the invitation for EX-0009 (by phone) · Housing first", "Score bid 2 from
 * Acme Housing · Housing first". The models keep short names for the diagram; this adds the
 * person, contribution or bid, and the cycle. It also gives the task its due and follow-up dates
 * ({@link TaskDates}) and the values Tasklist's list shows beside the name ({@code TasklistFilters}).
 * References, titles and channels only: never a person's name. Runs first on every task's
 * creation ({@link TaskNoticesEnginePlugin}), so the notices carry the new name.
 */
@Component
public class TaskNames implements TaskListener {

  /** Between what to do and the cycle: "Answer contribution C-12 · Housing first". */
  static final String CYCLE_SEPARATOR = " · ";
  private static final int LONGEST_TITLE = 80;
  private static final Logger LOG = LoggerFactory.getLogger(TaskNames.class);
  /** Tasks a coordinator may do on an invited expert's behalf, whose forms link to the expert's page. */
  static final Set<String> FOR_SOMEONE = Set.of("Activity_AnswerInvitation", "Activity_FollowUpInvitation");
  static final String EXPERT_REF = "expertRef";

  private final TaskFacts facts;
  private final TaskSubjects subjects;
  private final TaskDates dates;

  public TaskNames(TaskFacts facts, TaskSubjects subjects, TaskDates dates) {
    this.facts = facts;
    this.subjects = subjects;
    this.dates = dates;
  }

  @Override
  public void notify(DelegateTask task) {
    try {
      name(task);
    } catch (RuntimeException e) {
      // A name helps people find the task; it must never stop the work. The model's name stays.
      LOG.warn("Task {} ({}) keeps its model's name: {}", task.getId(), task.getTaskDefinitionKey(), e.toString());
    }
  }

  private void name(DelegateTask task) {
    TaskSubjects.Subject subject = subjects.of(task);
    Optional<String> cycle = facts.cycleTitle(task).map(TaskNames::shortened);
    String what = subject.name() != null ? subject.name() : task.getName();
    task.setName(cycle.map(title -> what + CYCLE_SEPARATOR + title).orElse(what));
    dates.apply(task);
    // Task-local, so each task of a multi-instance step shows its own person or contribution.
    cycle.ifPresent(title -> task.setVariableLocal(CYCLE_COLUMN, title));
    subjects.stage(task).ifPresent(stage -> task.setVariableLocal(STAGE_COLUMN, stage));
    if (subject.about() != null) {
      task.setVariableLocal(ABOUT_COLUMN, subject.about());
    }
    facts.request(task).filter(r -> r.sessionDate() != null)
        .ifPresent(r -> task.setVariableLocal(SESSION_COLUMN, MessageContent.DAY.format(r.sessionDate())));
    if (FOR_SOMEONE.contains(task.getTaskDefinitionKey())) {
      // The form links a coordinator acting for this person to their page: how to reach them, what they need.
      facts.invitedExpertRef(task).ifPresent(ref -> task.setVariableLocal(EXPERT_REF, ref));
    }
  }

  private static String shortened(String title) {
    return title.length() <= LONGEST_TITLE ? title : title.substring(0, LONGEST_TITLE - 1).strip() + "…";
  }
}
