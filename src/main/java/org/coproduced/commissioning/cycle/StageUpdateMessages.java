package org.coproduced.commissioning.cycle;

import java.util.Map;
import java.util.Optional;
import org.coproduced.commissioning.cycle.CycleRepository.StageFacts;
import org.coproduced.commissioning.experts.ExpertContacts;
import org.coproduced.commissioning.notification.MessageContent;
import org.coproduced.commissioning.notification.MessageContent.NotSent;
import org.coproduced.commissioning.notification.MessageContent.TokenIssuer;
import org.coproduced.commissioning.notification.MessageWriter;
import org.coproduced.commissioning.notification.OutboxMessage;
import org.coproduced.commissioning.procurement.ProcurementRepository;
import org.coproduced.commissioning.procurement.ProcurementRepository.Award;
import org.springframework.stereotype.Component;

/**
 * What a stage update says: what the finished stage decided and what comes next; and, for the
 * coordinators, who among those who took part prefers post or phone and needs to hear it from them.
 */
@Component
public class StageUpdateMessages implements MessageWriter {

  /** A cycle as stage updates show it. */
  public record CycleView(String title, String timeline, String needsSummary, String specificationSummary,
      String winningBidder, String contractStart, String reviewOutcome, String reviewReason,
      String cancellationReason) {}

  private final CycleRepository cycles;
  private final ProcurementRepository procurement;
  private final ExpertContacts experts;

  public StageUpdateMessages(CycleRepository cycles, ProcurementRepository procurement, ExpertContacts experts) {
    this.cycles = cycles;
    this.procurement = procurement;
    this.experts = experts;
  }

  @Override
  public boolean writes(OutboxMessage message) {
    return StageUpdateMessage.KIND.equals(message.kind()) || (OfflineStageUpdateMessage.KIND.equals(message.kind())
        && OfflineStageUpdateMessage.REASON.equals(message.params().get("reason")));
  }

  @Override
  public String template(OutboxMessage message) {
    return StageUpdateMessage.KIND.equals(message.kind()) ? "stage-update" : "coordinator-notice";
  }

  @Override
  public Optional<NotSent> write(OutboxMessage message, Map<String, Object> model, TokenIssuer tokens) {
    long cycleId = message.longParam("cycleId");
    Optional<StageFacts> cycle = cycles.stageFacts(cycleId);
    if (cycle.isEmpty()) {
      return Optional.of(NotSent.undeliverable("The cycle no longer exists."));
    }
    model.put("cycle", view(cycle.get(), procurement.award(cycleId)));
    model.put("stage", message.param("stage"));
    if (!StageUpdateMessage.KIND.equals(message.kind())) {
      model.put("reason", OfflineStageUpdateMessage.REASON);
      model.put("people", experts.toReach(message.params().get("expertRefs")));
    }
    return Optional.empty();
  }

  private static CycleView view(StageFacts cycle, Optional<Award> award) {
    return new CycleView(cycle.title(), cycle.timeline(), cycle.needsSummary(), cycle.specificationSummary(),
        award.map(Award::winningBidder).orElse(null),
        award.map(Award::contractStartDate).map(MessageContent.DAY::format).orElse(null),
        cycle.reviewOutcome(), cycle.reviewReason(), cycle.cancellationReason());
  }
}
