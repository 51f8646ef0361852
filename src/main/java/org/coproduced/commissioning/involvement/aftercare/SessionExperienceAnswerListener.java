package org.coproduced.commissioning.involvement.aftercare;

import static org.coproduced.commissioning.involvement.aftercare.AftercareVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/**
 * Records what an expert who prefers post or phone told a coordinator about how the session was.
 * Every answer is optional; an empty form means they did not want to answer, which is fine. Their
 * words go to the application's table only; the engine keeps whether they asked to be contacted.
 */
@Component
public class SessionExperienceAnswerListener implements TaskListener {

  private final SessionExperienceRepository experiences;

  public SessionExperienceAnswerListener(SessionExperienceRepository experiences) {
    this.experiences = experiences;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    String change = form.takePrivateText(WHAT_TO_CHANGE, "Anything we should change", SessionAnswers.LONGEST_CHANGE);
    SessionAnswers answers = SessionAnswers.of(
        form.takePrivateText(LISTENED_TO, "Did you feel listened to", TaskForm.SHORT_TEXT),
        form.takePrivateText(PREPARED, "Were you prepared enough", TaskForm.SHORT_TEXT),
        form.takePrivateText(FAIRLY_PAID, "Was the recompense fair", TaskForm.SHORT_TEXT),
        form.takePrivateText(TAKE_PART_AGAIN, "Would you take part again", TaskForm.SHORT_TEXT),
        change, form.isTicked(WANTS_CONTACT));
    long invitationId = form.id(INVITATION_ID);
    if (answers.anything()) {
      experiences.answer(invitationId, answers, "coordinator");
    } else {
      experiences.noAnswer(invitationId);
    }
    task.setVariable(WANTS_CONTACT, answers.wantsContact());
  }
}
