package org.coproduced.commissioning.involvement.written;

import static org.coproduced.commissioning.involvement.written.WrittenContributionVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/**
 * Keeps the thoughts of someone who could not come, written by them in Tasklist ("Send your
 * thoughts") or taken down by a coordinator ("Take down what … wants to say"). An empty form means
 * they would rather not, which is fine. Their words go to the application's tables only.
 */
@Component
public class WrittenContributionListener implements TaskListener {

  static final String WRITE_TASK = "Activity_WriteContribution";

  private final WrittenContributions written;

  public WrittenContributionListener(WrittenContributions written) {
    this.written = written;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    boolean byThemselves = WRITE_TASK.equals(task.getTaskDefinitionKey());
    String words = WrittenWords.trimmed(form.takePrivateText(PRIVATE_WORDS,
        byThemselves ? "Your thoughts" : "What they want to say", Integer.MAX_VALUE));
    WrittenWords.problem(words).ifPresent(problem -> {
      throw new FormInputException(problem);
    });
    long invitationId = form.id(INVITATION_ID);
    if (words == null) {
      written.notWanted(invitationId, byThemselves ? BY_TASKLIST : BY_COORDINATOR);
      return;
    }
    String how = byThemselves ? BY_TASKLIST
        : form.requiredChoice(RECEIVED_HOW, "How did they tell you", "phone", "recording", "letter", "in-person");
    if (written.keep(invitationId, words, how) != WrittenContributions.Outcome.KEPT) {
      throw new FormInputException("This has already been sent, or the notes of the session were finished before it "
          + "arrived. Nothing was changed.");
    }
  }
}
