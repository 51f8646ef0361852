package org.coproduced.commissioning.involvement.aftercare;

import static org.coproduced.commissioning.involvement.aftercare.AftercareVariables.INVITATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/** The time to answer by the email link has passed with no answer: that is fine, and nothing more is asked. */
@Component
public class NoAnswerListener implements ExecutionListener {

  private final SessionExperienceRepository experiences;

  public NoAnswerListener(SessionExperienceRepository experiences) {
    this.experiences = experiences;
  }

  @Override
  public void notify(DelegateExecution execution) {
    experiences.noAnswer(TaskForm.of(execution).id(INVITATION_ID));
  }
}
