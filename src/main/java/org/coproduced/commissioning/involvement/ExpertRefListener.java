package org.coproduced.commissioning.involvement;

import static org.coproduced.commissioning.involvement.InvolvementVariables.EXPERT_REF;
import static org.coproduced.commissioning.involvement.InvolvementVariables.HOURS_GIVEN;
import static org.coproduced.commissioning.involvement.InvolvementVariables.INVITATION_ID;
import static org.coproduced.commissioning.involvement.InvolvementVariables.REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/**
 * When a record-contribution task is created, gives it the pseudonymous reference of the expert
 * whose attendance and words the coordinator records ({@code EX-0003}), and starts "Hours at the
 * session" from the session's own length, which the coordinator changes only if they left early.
 */
@Component
public class ExpertRefListener implements TaskListener {

  private final InvolvementQueries queries;
  private final InvolvementRequestRepository requests;

  public ExpertRefListener(InvolvementQueries queries, InvolvementRequestRepository requests) {
    this.queries = queries;
    this.requests = requests;
  }

  @Override
  public void notify(DelegateTask task) {
    // Local to the task's execution, where the task's input parameter declares it: one per invitation.
    task.getExecution().setVariableLocal(EXPERT_REF, queries.expertRefOf(TaskForm.of(task).id(INVITATION_ID)));
    // Beside it, so each expert's hours are their own; the form shows it and the answer replaces it.
    task.getExecution().setVariableLocal(HOURS_GIVEN, requests.get(TaskForm.of(task).id(REQUEST_ID)).durationHours());
  }
}
