package org.coproduced.commissioning.procurement;

import static org.coproduced.commissioning.procurement.ProcurementVariables.*;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.stepback.StepBacks;
import org.springframework.stereotype.Component;

/**
 * Records an evaluator's declaration of interests before they see any bid in detail. A declared
 * conflict removes that bid from their scoring (Procurement Act 2023, section 81). Someone not
 * sure talks it through with a coordinator first, so no bid is taken out of their scoring on a guess.
 * Someone who steps back scores nothing, and the panel goes on without them ({@link PanelStrength}).
 */
@Component
public class InterestDeclarationListener implements TaskListener {

  static final String NOT_SURE = "not-sure";

  private final ProcurementRepository procurement;
  private final StepBacks stepBacks;
  private final PanelStrength panel;

  public InterestDeclarationListener(ProcurementRepository procurement, StepBacks stepBacks, PanelStrength panel) {
    this.procurement = procurement;
    this.stepBacks = stepBacks;
    this.panel = panel;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    long cycleId = form.id(CYCLE_ID);
    if (stepBacks.handle(task, cycleId, form.processText(EVALUATOR_REF))) {
      panel.afterStepBack(task, cycleId, form.processText(EVALUATOR_REF));
      return; // no bid to score: ProcurementService.bidsToScore leaves them out
    }
    String answer = form.requiredChoice(HAS_CONFLICT, "Conflict of interest", "no", "yes", NOT_SURE);
    String names = form.optionalText(CONFLICT_BID_NAMES, "Which bidders", TaskForm.SHORT_TEXT);
    String details = form.optionalText(CONFLICT_DETAILS, "Details", TaskForm.LONG_TEXT);
    if (NOT_SURE.equals(answer)) {
      // Nobody guesses: a coordinator talks it through before this person scores (Activity_TalkThroughConflict).
      procurement.saveUnsure(cycleId, form.processText(EVALUATOR_REF), details);
      return;
    }
    record(procurement, cycleId, form.processText(EVALUATOR_REF), "yes".equals(answer), names, details);
  }

  /** Saves a declaration; a conflict must name bidders as they appear in the list of bids. */
  static void record(ProcurementRepository procurement, long cycleId, String evaluatorRef, boolean conflict,
      String names, String details) {
    String conflictedIds = null;
    if (conflict) {
      if (names == null) {
        throw new FormInputException("Please say which bidders you have a conflict of interest with.");
      }
      String lowerNames = names.toLowerCase(Locale.ROOT);
      List<Bid> conflicted = procurement.bids(cycleId).stream()
          .filter(bid -> lowerNames.contains(bid.bidderName().toLowerCase(Locale.ROOT))).toList();
      if (conflicted.isEmpty()) {
        throw new FormInputException("Please write the bidders' names as they appear in the list of bids.");
      }
      conflictedIds = conflicted.stream().map(b -> String.valueOf(b.id())).collect(Collectors.joining(","));
    }
    procurement.saveDeclaration(cycleId, evaluatorRef, conflict, conflictedIds, details);
  }
}
