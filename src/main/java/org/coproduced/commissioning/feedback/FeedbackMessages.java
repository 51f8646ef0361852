package org.coproduced.commissioning.feedback;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.coproduced.commissioning.experts.Expert;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.feedback.FeedbackRepository.FeedbackRow;
import org.coproduced.commissioning.involvement.CycleOutlines;
import org.coproduced.commissioning.involvement.CycleOutlines.CycleOutline;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.involvement.peerresearch.PassBackWords;
import org.coproduced.commissioning.notification.LinkTokens.Purpose;
import org.coproduced.commissioning.notification.TasklistLinks;
import org.coproduced.commissioning.notification.MessageContent.Links;
import org.coproduced.commissioning.notification.MessageContent.NotSent;
import org.coproduced.commissioning.notification.MessageContent.TokenIssuer;
import org.coproduced.commissioning.notification.MessageProperties;
import org.coproduced.commissioning.notification.MessageWriter;
import org.coproduced.commissioning.notification.OutboxMessage;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.stereotype.Component;

/**
 * What a "you said, we did" message says: the cycle, each of the person's contributions with its
 * answer, the words a peer researcher can use to pass the answers back, and the link to say they
 * have read it.
 */
@Component
public class FeedbackMessages implements MessageWriter {

  /** A cycle as the feedback message shows it. */
  public record CycleView(String title, String cancellationReason) {}

  /** One contribution and its answer. */
  public record ContributionView(String ref, String said, String outcome, String whatChanged, String whyDecided) {

    public boolean answered() {
      return outcome != null;
    }
  }

  private final FeedbackRepository feedback;
  private final ExpertRepository experts;
  private final CycleOutlines cycles;
  private final ContributionRepository contributions;
  private final TasklistLinks tasklist;
  private final MessageProperties properties;
  private final PassBackWords passBack;

  public FeedbackMessages(FeedbackRepository feedback, ExpertRepository experts, CycleOutlines cycles,
      ContributionRepository contributions, TasklistLinks tasklist, MessageProperties properties,
      PassBackWords passBack) {
    this.passBack = passBack;
    this.feedback = feedback;
    this.experts = experts;
    this.cycles = cycles;
    this.contributions = contributions;
    this.tasklist = tasklist;
    this.properties = properties;
  }

  @Override
  public boolean writes(OutboxMessage message) {
    return FeedbackMessage.KIND.equals(message.kind());
  }

  @Override
  public String template(OutboxMessage message) {
    return "feedback";
  }

  @Override
  public Optional<NotSent> write(OutboxMessage message, Map<String, Object> model, TokenIssuer tokens) {
    long cycleId = message.longParam("cycleId");
    String ref = message.recipient().id();
    Optional<FeedbackRow> row = experts.findByRef(ref).map(Expert::id).flatMap(id -> feedback.findRow(cycleId, id));
    Optional<CycleOutline> cycle = cycles.outline(cycleId);
    if (row.isEmpty() || cycle.isEmpty()) {
      return Optional.of(NotSent.undeliverable("No feedback is due to " + ref + "."));
    }
    model.put("cycle", new CycleView(cycle.get().title(), cycle.get().cancellationReason()));
    List<ContributionView> said = contributions.findByCycleAndExpert(cycleId, ref).stream()
        .map(c -> new ContributionView(c.ref(), c.said(), c.answerOutcome(), c.whatChanged(), c.whyDecided()))
        .toList();
    model.put("contributions", said);
    // A peer researcher passes the answers back to the people they heard from: the words to use.
    passBack.forResearcher(cycleId, ref).ifPresent(words -> model.put("passBack", words));
    String token = tokens.issue(Purpose.FEEDBACK_ACKNOWLEDGEMENT, row.get().id(),
        ProcessClock.now().toInstant().plus(properties.linkValidFor()));
    model.put("links", new Links(null, null, properties.publicUrl() + "/app/feedback/acknowledge/" + token,
        tasklist.forReaderOf(model)));
    return Optional.empty();
  }
}
