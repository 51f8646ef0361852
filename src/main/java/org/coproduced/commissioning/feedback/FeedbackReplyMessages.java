package org.coproduced.commissioning.feedback;

import java.util.Map;
import java.util.Optional;
import org.coproduced.commissioning.feedback.FeedbackReplyRepository.Reply;
import org.coproduced.commissioning.involvement.CycleOutlines;
import org.coproduced.commissioning.involvement.CycleOutlines.CycleOutline;
import org.coproduced.commissioning.notification.MessageContent.NotSent;
import org.coproduced.commissioning.notification.MessageContent.TokenIssuer;
import org.coproduced.commissioning.notification.MessageWriter;
import org.coproduced.commissioning.notification.OutboxMessage;
import org.springframework.stereotype.Component;

/** What the answer to a reply says: what the person wrote back, and the coordinator's answer. */
@Component
public class FeedbackReplyMessages implements MessageWriter {

  private final FeedbackReplyRepository replies;
  private final CycleOutlines cycles;

  public FeedbackReplyMessages(FeedbackReplyRepository replies, CycleOutlines cycles) {
    this.replies = replies;
    this.cycles = cycles;
  }

  @Override
  public boolean writes(OutboxMessage message) {
    return FeedbackReplyMessage.KIND.equals(message.kind());
  }

  @Override
  public String template(OutboxMessage message) {
    return "feedback-reply";
  }

  @Override
  public Optional<NotSent> write(OutboxMessage message, Map<String, Object> model, TokenIssuer tokens) {
    long cycleId = message.longParam("cycleId");
    Optional<Reply> reply = replies.find(cycleId, message.recipient().id()).filter(Reply::answered);
    Optional<CycleOutline> cycle = cycles.outline(cycleId);
    if (reply.isEmpty() || cycle.isEmpty()) {
      return Optional.of(NotSent.undeliverable("The reply and its answer are no longer recorded."));
    }
    model.put("cycleTitle", cycle.get().title());
    model.put("reply", reply.get());
    return Optional.empty();
  }
}
