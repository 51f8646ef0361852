package org.coproduced.commissioning.involvement;

import static org.coproduced.commissioning.involvement.InvolvementVariables.EXPERT_REF;
import static org.coproduced.commissioning.involvement.InvolvementVariables.INVITATION_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/**
 * When a record-contribution task is created, gives it the pseudonymous reference of the expert
 * whose attendance and words the coordinator records ({@code EX-0003}).
 */
@Component
public class ExpertRefListener implements TaskListener {

  private final InvolvementQueries queries;

  public ExpertRefListener(InvolvementQueries queries) {
    this.queries = queries;
  }

  @Override
  public void notify(DelegateTask task) {
    // Local to the task's execution, where the task's input parameter declares it: one per invitation.
    task.getExecution().setVariableLocal(EXPERT_REF, queries.expertRefOf(TaskForm.of(task).id(INVITATION_ID)));
  }
}
