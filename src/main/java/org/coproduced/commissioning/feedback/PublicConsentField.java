package org.coproduced.commissioning.feedback;

import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;

/**
 * The optional yes or no to the cycle's public page, on the acknowledgement, follow-up and
 * offline delivery forms. Its key starts with {@code private}: the choice about a person is kept in
 * the application's table only, never in the engine or its history.
 */
final class PublicConsentField {

  static final String LABEL = "May what they said appear on the public page";

  private PublicConsentField() {}

  /** {@code true} for yes, {@code false} for no, {@code null} when left unanswered; removes it from the engine. */
  static Boolean take(TaskForm form) {
    return parse(form.takePrivateText(FeedbackVariables.PRIVATE_PUBLIC_CONSENT, LABEL, TaskForm.SHORT_TEXT));
  }

  /** The same for a value typed on the acknowledgement link's page. */
  static Boolean parse(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return switch (value.strip()) {
      case "yes" -> true;
      case "no" -> false;
      default -> throw new FormInputException("Please choose yes or no for \"" + LABEL + "\", or leave it.");
    };
  }
}
