package org.coproduced.commissioning.feedback;

import static org.coproduced.commissioning.feedback.FeedbackVariables.CONTRIBUTION_ID;
import static org.coproduced.commissioning.feedback.FeedbackVariables.CONTRIBUTION_REF;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/**
 * When an answer-contribution task is created, gives it the contribution's reference ({@code C-12}),
 * which the form and the "you said, we did" page show instead of the expert's words.
 */
@Component
public class ContributionRefListener implements TaskListener {

  private final FeedbackQueries queries;

  public ContributionRefListener(FeedbackQueries queries) {
    this.queries = queries;
  }

  @Override
  public void notify(DelegateTask task) {
    // Local to the task's execution, where the task's input parameter declares it: one per contribution.
    task.getExecution().setVariableLocal(CONTRIBUTION_REF, queries.contributionRef(TaskForm.of(task).id(CONTRIBUTION_ID)));
  }
}
