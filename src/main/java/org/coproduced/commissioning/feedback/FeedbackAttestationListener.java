package org.coproduced.commissioning.feedback;

import static org.coproduced.commissioning.feedback.FeedbackVariables.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.stereotype.Component;

/**
 * A coordinator confirms they delivered someone's feedback by post, phone or in person. When
 * the person acknowledged through their email link meanwhile, the task closes with nothing to
 * confirm. They may also record the person's yes or no to the cycle's public page.
 */
@Component
public class FeedbackAttestationListener implements TaskListener {

  private final FeedbackRepository feedback;

  public FeedbackAttestationListener(FeedbackRepository feedback) {
    this.feedback = feedback;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    Boolean publicConsent = PublicConsentField.take(form);
    if (form.isTicked(ACKNOWLEDGED_BY_LINK)
        && feedback.statusOf(form.id(CYCLE_ID), form.processText(CONTRIBUTOR_REF)) == FeedbackStatus.ACKNOWLEDGED) {
      return;
    }
    String method = form.requiredChoice(DELIVERY_METHOD, "How you delivered it", "post", "phone", "in-person");
    LocalDate deliveredOn = form.requiredDate(DELIVERED_ON, "When you delivered it");
    if (deliveredOn.isAfter(ProcessClock.today())) {
      throw new FormInputException("The delivery date is in the future. Please confirm only once it is delivered.");
    }
    form.requireTicked(DELIVERY_CONFIRMED, "I confirm this person has received their feedback");
    String notes = form.optionalText(DELIVERY_NOTES, "Notes", TaskForm.LONG_TEXT);
    feedback.attest(form.id(CYCLE_ID), form.processText(CONTRIBUTOR_REF), method, deliveredOn, task.getAssignee(), notes);
    feedback.recordPublicConsent(form.id(CYCLE_ID), form.processText(CONTRIBUTOR_REF), publicConsent,
        whoConfirms(task));
  }

  /** The coordinator completing the task: its assignee, or whoever is signed in when it was not claimed. */
  private static String whoConfirms(DelegateTask task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return current == null || current.getUserId() == null ? "a coordinator" : current.getUserId();
  }
}
