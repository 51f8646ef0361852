package org.coproduced.commissioning.feedback;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/** Lists everyone who contributed to the cycle as waiting for their feedback. */
@Component
public class PrepareFeedbackDelegate implements JavaDelegate {

  private final FeedbackRepository feedback;

  public PrepareFeedbackDelegate(FeedbackRepository feedback) {
    this.feedback = feedback;
  }

  @Override
  public void execute(DelegateExecution execution) {
    feedback.addMissingContributors(TaskForm.of(execution).id(FeedbackVariables.CYCLE_ID));
  }
}
