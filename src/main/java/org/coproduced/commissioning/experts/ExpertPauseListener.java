package org.coproduced.commissioning.experts;

import static org.coproduced.commissioning.experts.ExpertOnboardingVariables.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.stereotype.Component;

/**
 * Pauses an expert: nobody asks them to take part until the pause ends (after the day given) or a
 * coordinator makes them active again. The reason stays in the application's tables.
 */
@Component
public class ExpertPauseListener implements TaskListener {

  private final ExpertRepository experts;

  public ExpertPauseListener(ExpertRepository experts) {
    this.experts = experts;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    String reason = form.takePrivateText(PRIVATE_PAUSE_REASON, "Why they are pausing", TaskForm.LONG_TEXT);
    LocalDate until = form.optionalText(PAUSED_UNTIL, "Paused until", 30) == null ? null
        : form.requiredDate(PAUSED_UNTIL, "Paused until");
    if (until != null && !until.isAfter(ProcessClock.today())) {
      throw new FormInputException("\"Paused until\" must be a future date, or empty for a pause with no end date.");
    }
    Expert expert = experts.findByRef(form.processText(EXPERT_REF)).orElseThrow();
    experts.pause(expert.id(), until, reason);
  }
}
