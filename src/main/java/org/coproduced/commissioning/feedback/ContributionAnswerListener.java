package org.coproduced.commissioning.feedback;

import static org.coproduced.commissioning.feedback.FeedbackVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.springframework.stereotype.Component;

/** Saves the commissioner's answer to one contribution: what we did with it, and why. */
@Component
public class ContributionAnswerListener implements TaskListener {

  private final ContributionRepository contributions;

  public ContributionAnswerListener(ContributionRepository contributions) {
    this.contributions = contributions;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    contributions.recordAnswer(form.id(CONTRIBUTION_ID),
        form.requiredChoice(ANSWER_OUTCOME, "What we did", "adopted", "partly", "not-adopted"),
        form.requiredText(WHAT_CHANGED, "What changed", TaskForm.LONG_TEXT),
        form.requiredText(WHY_DECIDED, "Why", TaskForm.LONG_TEXT));
  }
}
