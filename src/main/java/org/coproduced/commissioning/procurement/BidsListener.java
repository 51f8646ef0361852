package org.coproduced.commissioning.procurement;

import static org.coproduced.commissioning.procurement.ProcurementVariables.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.FormText;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/**
 * Records the bids received. Bidders are organisations, so their names may sit in the engine:
 * the award form offers them as choices.
 */
@Component
public class BidsListener implements TaskListener {

  private static final BigDecimal MAX_PRICE = new BigDecimal("1000000000");

  private final ProcurementRepository procurement;

  public BidsListener(ProcurementRepository procurement) {
    this.procurement = procurement;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    long cycleId = form.id(CYCLE_ID);
    List<Bid> bids = new ArrayList<>();
    for (int slot = 1; slot <= BID_SLOTS; slot++) {
      String name = form.optionalText(bidNameKey(slot), "Bidder " + slot, TaskForm.SHORT_TEXT);
      BigDecimal price = form.optionalAmount(bidPriceKey(slot), "Bidder " + slot + " price", BigDecimal.ZERO, MAX_PRICE);
      if (name == null && price == null) {
        continue;
      }
      if (name == null || price == null) {
        throw new FormInputException("Please give both the name and the price for bidder " + slot + ".");
      }
      bids.add(new Bid(0, cycleId, slot, name, price));
    }
    if (bids.isEmpty()) {
      throw new FormInputException("Please record at least one bid.");
    }
    procurement.replaceBids(cycleId, bids);
    List<Bid> saved = procurement.bids(cycleId);
    SpinJsonNode options = Spin.JSON("[]");
    for (Bid bid : saved) {
      options.append(Spin.JSON("{}").prop("label", bid.bidderName()).prop("value", String.valueOf(bid.id())));
    }
    task.setVariable(BID_OPTIONS, SpinValues.jsonValue(options.toString()).create());
    // Shown in the declare-interests form's text, which renders Markdown: keep the names as typed.
    task.setVariable(BID_NAMES, saved.stream().map(Bid::bidderName).map(FormText::literal)
        .collect(Collectors.joining(", ")));
  }
}
