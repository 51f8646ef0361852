package org.coproduced.commissioning.involvement.aftercare;

import static org.coproduced.commissioning.involvement.aftercare.AftercareVariables.GOT_IN_TOUCH;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/** A coordinator confirms they got in touch with an expert who asked for it after a session. */
@Component
public class GotInTouchListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    TaskForm.of(task).requireTicked(GOT_IN_TOUCH, "I have been in touch with them");
  }
}
