package org.coproduced.commissioning.cycle;

import static org.coproduced.commissioning.cycle.CycleVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.springframework.stereotype.Component;

/** Records how one contribution shaped the needs assessment. */
@Component
public class ContributionUseListener implements TaskListener {

  private final ContributionRepository contributions;

  public ContributionUseListener(ContributionRepository contributions) {
    this.contributions = contributions;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    contributions.recordUse(form.id(CONTRIBUTION_ID),
        form.requiredText(CONTRIBUTION_USE, "How this contribution shaped the needs assessment", TaskForm.LONG_TEXT));
  }
}
