package org.coproduced.commissioning.experts;

import static org.coproduced.commissioning.experts.ExpertOnboardingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/**
 * Records that an expert has left the pool. Nobody asks them again; they still hear what became
 * of what they said. Their record stays until they ask for it to be erased.
 */
@Component
public class ExpertLeavingListener implements TaskListener {

  private final ExpertRepository experts;

  public ExpertLeavingListener(ExpertRepository experts) {
    this.experts = experts;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    String note = form.takePrivateText(PRIVATE_LEAVING_NOTE, "Anything to remember", TaskForm.LONG_TEXT);
    Expert expert = experts.findByRef(form.processText(EXPERT_REF)).orElseThrow();
    experts.leave(expert.id(), form.requiredDate(LEFT_ON, "Date they left"), note);
  }
}
