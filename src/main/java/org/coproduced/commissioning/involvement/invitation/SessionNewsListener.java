package org.coproduced.commissioning.involvement.invitation;

import static org.coproduced.commissioning.involvement.invitation.SessionNewsVariables.CONTACT_METHOD;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/** A coordinator told an expert their news: says how, so the record shows the person was reached. */
@Component
public class SessionNewsListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    TaskForm.of(task).requiredChoice(CONTACT_METHOD, "How you told them", "phone", "post", "in-person", "email");
  }
}
