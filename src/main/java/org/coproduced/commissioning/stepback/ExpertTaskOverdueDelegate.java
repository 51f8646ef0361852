package org.coproduced.commissioning.stepback;

import static org.coproduced.commissioning.stepback.StepBackVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/**
 * When an expert task's due date passes and it still waits, a coordinator gets a task to check in
 * with the person and, if they agree, let the work go on without them. The expert is sent nothing:
 * a late answer is nobody's fault.
 */
@Component
public class ExpertTaskOverdueDelegate implements JavaDelegate {

  private final ExpertTaskStatus status;
  private final FollowUps followUps;

  public ExpertTaskOverdueDelegate(ExpertTaskStatus status, FollowUps followUps) {
    this.status = status;
    this.followUps = followUps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TaskForm form = TaskForm.of(execution);
    String taskId = form.processText(EXPERT_TASK_ID);
    if (status.stillOpen(taskId)) {
      int round = execution.getVariable(WATCH_ROUND) instanceof Number n ? n.intValue() : 1;
      followUps.ask(FollowUpReason.OVERDUE, form.id(CYCLE_ID), form.processText(EXPERT_REF),
          form.processText(TASK_KIND), taskId, null, round);
    }
  }
}
