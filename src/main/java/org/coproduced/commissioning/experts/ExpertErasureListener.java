package org.coproduced.commissioning.experts;

import static org.coproduced.commissioning.experts.ExpertOnboardingVariables.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.stereotype.Component;

/** Erases an expert's personal data at their request, once the coordinator confirms it. */
@Component
public class ExpertErasureListener implements TaskListener {

  private final ExpertRepository experts;
  private final ExpertErasure erasure;

  public ExpertErasureListener(ExpertRepository experts, ExpertErasure erasure) {
    this.experts = experts;
    this.erasure = erasure;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    LocalDate requestedOn = form.requiredDate(ERASURE_REQUESTED_ON, "Date they asked");
    if (requestedOn.isAfter(ProcessClock.today())) {
      throw new FormInputException("\"Date they asked\" cannot be in the future.");
    }
    form.requireTicked(ERASURE_CONFIRMED, "Erase their personal data now");
    Expert expert = experts.findByRef(form.processText(EXPERT_REF)).orElseThrow();
    Authentication who = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    erasure.erase(expert.id(), who == null ? null : who.getUserId());
  }
}
