package org.coproduced.commissioning.procurement;

import static org.coproduced.commissioning.procurement.ProcurementVariables.*;

import org.coproduced.commissioning.forms.TaskForm;

/** The four score fields shared by the scoring and moderation forms. */
final class ScoreFields {

  private ScoreFields() {}

  static Scores read(TaskForm form) {
    return new Scores(
        form.requiredWholeNumber(QUALITY_SCORE, "Quality score", 0, 5),
        form.requiredWholeNumber(COPRODUCTION_SCORE, "Coproduction plan score", 0, 5),
        form.requiredWholeNumber(SOCIAL_VALUE_SCORE, "Social value score", 0, 5),
        form.requiredWholeNumber(PRICE_SCORE, "Price score", 0, 5));
  }
}
