package org.coproduced.commissioning.experts;

import static org.coproduced.commissioning.experts.ExpertOnboardingVariables.*;

import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/**
 * Checks what the coordinator asked for when starting {@code expert-onboarding} and finds the
 * expert's record. For someone joining or an update, it gives the details form its options (the
 * lived-experience areas, possible buddies) and, for an update, what is recorded now, except
 * personal details, which never enter the engine.
 */
@Component
public class PrepareOnboardingDelegate implements JavaDelegate {

  private final ExpertRepository experts;
  private final LivedExperienceAreas areas;

  public PrepareOnboardingDelegate(ExpertRepository experts, LivedExperienceAreas areas) {
    this.experts = experts;
    this.areas = areas;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TaskForm form = TaskForm.of(execution);
    String action = form.requiredChoice(ONBOARDING_ACTION, "What do you want to do", JOIN, UPDATE, PAUSE, LEAVE, ERASE);
    String typedRef = form.optionalText(EXPERT_REF, "Expert reference", TaskForm.SHORT_TEXT);
    Expert expert = null;
    if (JOIN.equals(action)) {
      if (typedRef != null) {
        throw new FormInputException("Leave the reference empty for someone joining: they are given a new one. "
            + "To change the record of someone already in the pool, choose \"Update their details\".");
      }
    } else {
      expert = find(typedRef);
      execution.setVariable(EXPERT_REF, expert.ref());
      execution.setProcessBusinessKey(expert.ref());
    }
    if (JOIN.equals(action) || UPDATE.equals(action)) {
      execution.setVariable(LIVED_EXPERIENCE_OPTIONS, areas.formOptions());
      execution.setVariable(BUDDY_OPTIONS, buddyOptions(expert));
    }
    if (UPDATE.equals(action)) {
      showRecorded(execution, experts.findProfile(expert.ref()).orElseThrow());
    }
  }

  private Expert find(String typedRef) {
    if (typedRef == null) {
      throw new FormInputException("Please give the expert's reference, for example EX-0003. The expert pool "
          + "page lists everyone.");
    }
    String ref = typedRef.trim().toUpperCase(Locale.ROOT);
    Expert expert = experts.findByRef(ref)
        .orElseThrow(() -> new FormInputException("There is no expert " + ref + " in the pool."));
    if (expert.erased()) {
      throw new FormInputException(ref + "'s personal details were erased at their request. Their record "
          + "cannot be changed; someone returning joins again with a new reference.");
    }
    return expert;
  }

  /** Experienced experts who are not erased or gone, by reference (the engine holds no names). */
  private SpinJsonNode buddyOptionsNode(Expert self) {
    SpinJsonNode options = Spin.JSON("[]");
    options.append(Spin.JSON("{}").prop("label", "Nobody named: the fairest experienced expert free").prop("value", NO_BUDDY));
    for (Expert candidate : experts.findNotErased()) {
      if (candidate.experienced() && candidate.status() != ExpertStatus.LEFT
          && (self == null || candidate.id() != self.id())) {
        options.append(Spin.JSON("{}").prop("label", candidate.ref() + " ("
            + String.join(", ", candidate.livedExperience().stream().map(areas::labelOf).toList()) + ")")
            .prop("value", candidate.ref()));
      }
    }
    return options;
  }

  private Object buddyOptions(Expert self) {
    return SpinValues.jsonValue(buddyOptionsNode(self).toString()).create();
  }

  private static void showRecorded(DelegateExecution execution, ExpertProfile profile) {
    Expert expert = profile.expert();
    SpinJsonNode lived = Spin.JSON("[]");
    expert.livedExperience().forEach(lived::append);
    execution.setVariable(CONTACT_CHANNEL, expert.contactChannel().name().toLowerCase(Locale.ROOT));
    execution.setVariable(LIVED_EXPERIENCE, SpinValues.jsonValue(lived.toString()).create());
    execution.setVariable(RECOMPENSE_PREFERENCE, expert.recompensePreference());
    execution.setVariable(BENEFITS_ADVICE_OFFERED, profile.benefitsAdviceOffered() ? "yes" : "no");
    execution.setVariable(CONSENT_GIVEN, profile.consentGivenOn() != null);
    execution.setVariable(CONSENT_GIVEN_ON, text(profile.consentGivenOn()));
    execution.setVariable(CONSENT_REVIEW_ON, text(expert.consentReviewOn()));
    execution.setVariable(WELLBEING_CHECKED_ON, text(profile.wellbeingCheckedOn()));
    execution.setVariable(WELLBEING_REVIEW_ON, text(expert.wellbeingReviewOn()));
    execution.setVariable(BUDDY_REF, expert.buddyRef() == null ? NO_BUDDY : expert.buddyRef());
    execution.setVariable(EXPERIENCED, expert.experienced());
    execution.setVariable(EXPERT_STATUS, expert.status().name().toLowerCase(Locale.ROOT));
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
