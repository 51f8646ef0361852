package org.coproduced.commissioning.cycle;

import static org.coproduced.commissioning.cycle.CycleVariables.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/** Saves a new cycle from the start form; its id becomes the business key. */
@Component
public class RegisterCycleDelegate implements JavaDelegate {

  static final int MINIMUM_PURPOSE_LENGTH = 30;

  private final CycleRepository cycles;
  private final IdentityService identity;

  public RegisterCycleDelegate(CycleRepository cycles, IdentityService identity) {
    this.cycles = cycles;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TaskForm form = TaskForm.of(execution);
    String title = form.requiredText(TITLE, "Name of the cycle", 120);
    String serviceArea = form.requiredChoice(SERVICE_AREA, "Service area", "housing-homelessness", "drugs-alcohol",
        "mental-health", "criminal-justice", "domestic-abuse", "multiple-disadvantage");
    String budgetBand = form.requiredChoice(BUDGET_BAND, "Budget", "under-100k", "100k-500k", "500k-2m", "over-2m");
    String purpose = form.requiredText(INVOLVEMENT_PURPOSE, "Why experts by experience are involved", TaskForm.LONG_TEXT);
    if (purpose.length() < MINIMUM_PURPOSE_LENGTH) {
      throw new FormInputException("Please say a little more about why experts by experience are involved "
          + "(at least " + MINIMUM_PURPOSE_LENGTH + " characters). People need to know what they can change.");
    }
    String outcomes = form.requiredText(DESIRED_OUTCOMES, "What the service should achieve", TaskForm.LONG_TEXT);
    String timeline = form.requiredText(TIMELINE, "Timeline", TaskForm.LONG_TEXT);
    // The person who submitted the start form is the commissioner, whatever the form sent.
    Authentication current = identity.getCurrentAuthentication();
    String commissioner = current != null ? current.getUserId() : form.processText(COMMISSIONER);
    if (commissioner == null) {
      throw new FormInputException("A cycle must be started by a signed-in commissioner.");
    }
    long cycleId = cycles.insert(title, serviceArea, budgetBand, purpose, outcomes, timeline, commissioner,
        execution.getProcessInstanceId());
    execution.setVariable(COMMISSIONER, commissioner);
    execution.setVariable(CYCLE_ID, cycleId);
    execution.setProcessBusinessKey(String.valueOf(cycleId));
  }
}
