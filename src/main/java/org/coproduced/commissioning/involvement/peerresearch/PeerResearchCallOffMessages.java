package org.coproduced.commissioning.involvement.peerresearch;

import java.util.Map;
import java.util.Optional;
import org.coproduced.commissioning.involvement.CycleOutlines;
import org.coproduced.commissioning.involvement.CycleOutlines.CycleOutline;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationFacts;
import org.coproduced.commissioning.involvement.invitation.InvitationFacts.Facts;
import org.coproduced.commissioning.involvement.invitation.InvitationStatus;
import org.coproduced.commissioning.notification.MessageContent;
import org.coproduced.commissioning.notification.MessageContent.NotSent;
import org.coproduced.commissioning.notification.MessageContent.TokenIssuer;
import org.coproduced.commissioning.notification.MessageWriter;
import org.coproduced.commissioning.notification.OutboxMessage;
import org.springframework.stereotype.Component;

/**
 * What a peer researcher reads when the peer research is no longer needed: which cycle, the
 * reason in the words of the person who decided, and, for someone who had said yes, that the
 * hours they already spent (and anything they paid for) are paid, and that a coordinator will ask.
 */
@Component
public class PeerResearchCallOffMessages implements MessageWriter {

  private final InvitationFacts facts;
  private final CycleOutlines cycles;
  private final InvolvementRequestRepository requests;
  private final PeerResearchRepository peerResearch;

  public PeerResearchCallOffMessages(InvitationFacts facts, CycleOutlines cycles, InvolvementRequestRepository requests,
      PeerResearchRepository peerResearch) {
    this.facts = facts;
    this.cycles = cycles;
    this.requests = requests;
    this.peerResearch = peerResearch;
  }

  @Override
  public boolean writes(OutboxMessage message) {
    return PeerResearchCallOff.CALLED_OFF.equals(message.kind());
  }

  @Override
  public String template(OutboxMessage message) {
    return "peer-research-called-off";
  }

  @Override
  public Optional<NotSent> write(OutboxMessage message, Map<String, Object> model, TokenIssuer tokens) {
    Optional<Facts> found = facts.find(message.longParam("invitationId"));
    Optional<CycleOutline> cycle = found.flatMap(f -> cycles.outline(f.cycleId()));
    if (found.isEmpty() || cycle.isEmpty()) {
      return Optional.of(NotSent.undeliverable("The invitation no longer exists."));
    }
    if (found.get().status() != InvitationStatus.CALLED_OFF) {
      return Optional.of(NotSent.notNeeded("The peer research was not called off after all."));
    }
    long requestId = found.get().requestId();
    model.put("cycleTitle", cycle.get().title());
    model.put("gatheredBy", peerResearch.ask(requestId).map(ask -> MessageContent.DAY.format(ask.gatheredBy()))
        .orElse(null));
    model.put("saidYes", peerResearch.isResearcher(found.get().id()));
    model.put("reason", requests.calledOffReason(requestId).orElse(null));
    return Optional.empty();
  }
}
