package org.coproduced.commissioning.procurement;

import java.util.Map;
import java.util.Optional;
import org.coproduced.commissioning.involvement.CycleOutlines;
import org.coproduced.commissioning.notification.MessageContent.NotSent;
import org.coproduced.commissioning.notification.MessageContent.TokenIssuer;
import org.coproduced.commissioning.notification.MessageWriter;
import org.coproduced.commissioning.notification.OutboxMessage;
import org.coproduced.commissioning.procurement.ProcurementRepository.Award;
import org.springframework.stereotype.Component;

/** What the award explanation says: who was chosen, whether the expert panel agreed, and why. */
@Component
public class AwardExplanationMessages implements MessageWriter {

  private final ProcurementRepository procurement;
  private final CycleOutlines cycles;

  public AwardExplanationMessages(ProcurementRepository procurement, CycleOutlines cycles) {
    this.procurement = procurement;
    this.cycles = cycles;
  }

  @Override
  public boolean writes(OutboxMessage message) {
    return AwardExplanationMessage.KIND.equals(message.kind());
  }

  @Override
  public String template(OutboxMessage message) {
    return "award-explanation";
  }

  @Override
  public Optional<NotSent> write(OutboxMessage message, Map<String, Object> model, TokenIssuer tokens) {
    long cycleId = message.longParam("cycleId");
    Optional<Award> award = procurement.award(cycleId);
    var cycle = cycles.outline(cycleId);
    if (award.isEmpty() || cycle.isEmpty() || award.get().winningBidder() == null) {
      return Optional.of(NotSent.undeliverable("The award decision is no longer recorded."));
    }
    model.put("cycleTitle", cycle.get().title());
    model.put("award", award.get());
    return Optional.empty();
  }
}
