package org.coproduced.commissioning.feedback;

import static org.coproduced.commissioning.feedback.FeedbackVariables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.springframework.stereotype.Component;

/**
 * The coordinator's check that answers read plainly. Answers named for rewording go back to the
 * commissioner; the others stay as they are.
 */
@Component
public class PlainEnglishCheckListener implements TaskListener {

  private static final Pattern CONTRIBUTION_REF = Pattern.compile("C-?(\\d+)", Pattern.CASE_INSENSITIVE);

  private final ContributionRepository contributions;

  public PlainEnglishCheckListener(ContributionRepository contributions) {
    this.contributions = contributions;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    String ok = form.requiredChoice(PLAIN_ENGLISH_OK, "Are the answers in plain English", "yes", "no");
    String refs = form.optionalText(REWORD_CONTRIBUTION_REFS, "Which answers need rewording", TaskForm.SHORT_TEXT);
    form.optionalText(SUGGESTIONS, "Suggestions", TaskForm.LONG_TEXT);
    if ("yes".equals(ok)) {
      return;
    }
    List<Long> ids = new ArrayList<>();
    Matcher matcher = CONTRIBUTION_REF.matcher(refs == null ? "" : refs);
    while (matcher.find()) {
      ids.add(Long.parseLong(matcher.group(1)));
    }
    if (ids.isEmpty()) {
      throw new FormInputException("Please list the answers that need rewording, for example C-12, C-15.");
    }
    int flagged = contributions.flagForRewording(form.id(CYCLE_ID), ids);
    if (flagged != ids.size()) {
      throw new FormInputException("Some of those references are not contributions to this cycle. "
          + "Please check them against the list of answers.");
    }
  }
}
