package org.coproduced.commissioning.procurement;

import static org.coproduced.commissioning.procurement.ProcurementVariables.*;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/**
 * Records an evaluator's declaration of interests before they see any bid in detail. A declared
 * conflict removes that bid from their scoring (Procurement Act 2023, section 81).
 */
@Component
public class InterestDeclarationListener implements TaskListener {

  private final ProcurementRepository procurement;

  public InterestDeclarationListener(ProcurementRepository procurement) {
    this.procurement = procurement;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    long cycleId = form.id(CYCLE_ID);
    boolean conflict = "yes".equals(form.requiredChoice(HAS_CONFLICT, "Conflict of interest", "no", "yes"));
    String names = form.optionalText(CONFLICT_BID_NAMES, "Which bidders", TaskForm.SHORT_TEXT);
    String details = form.optionalText(CONFLICT_DETAILS, "Details", TaskForm.LONG_TEXT);
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
    procurement.saveDeclaration(cycleId, form.processText(EVALUATOR_REF), conflict, conflictedIds, details);
  }
}
