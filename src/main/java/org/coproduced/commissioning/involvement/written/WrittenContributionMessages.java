package org.coproduced.commissioning.involvement.written;

import java.util.Map;
import java.util.Optional;
import org.coproduced.commissioning.involvement.written.WrittenContributionLinks.Session;
import org.coproduced.commissioning.involvement.written.WrittenContributionRepository.Offer;
import org.coproduced.commissioning.involvement.written.WrittenContributionRepository.Status;
import org.coproduced.commissioning.notification.LinkTokens.Purpose;
import org.coproduced.commissioning.notification.MessageContent.NotSent;
import org.coproduced.commissioning.notification.MessageContent.TokenIssuer;
import org.coproduced.commissioning.notification.MessageProperties;
import org.coproduced.commissioning.notification.MessageWriter;
import org.coproduced.commissioning.notification.OutboxMessage;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.stereotype.Component;

/**
 * What "Would you like to send us your thoughts instead?" says: no pressure, the session it is
 * about, what was asked, and a personal link. Not sent once the offer has closed or been answered.
 */
@Component
public class WrittenContributionMessages implements MessageWriter {

  private final WrittenContributionRepository offers;
  private final WrittenContributionLinks links;
  private final MessageProperties properties;
  private final WrittenContributionProperties written;

  public WrittenContributionMessages(WrittenContributionRepository offers, WrittenContributionLinks links,
      MessageProperties properties, WrittenContributionProperties written) {
    this.offers = offers;
    this.links = links;
    this.properties = properties;
    this.written = written;
  }

  @Override
  public boolean writes(OutboxMessage message) {
    return WrittenContributionMessage.KIND.equals(message.kind());
  }

  @Override
  public String template(OutboxMessage message) {
    return "written-contribution";
  }

  @Override
  public Optional<NotSent> write(OutboxMessage message, Map<String, Object> model, TokenIssuer tokens) {
    long invitationId = message.longParam("invitationId");
    Optional<Offer> offer = offers.findByInvitation(invitationId);
    if (offer.isEmpty()) {
      return Optional.of(NotSent.undeliverable("Nobody was offered to send thoughts for invitation " + invitationId + "."));
    }
    if (offer.get().status() != Status.OFFERED) {
      return Optional.of(NotSent.notNeeded("The offer was answered or closed before this went out."));
    }
    Session session = links.session(offer.get());
    model.put("session", session);
    String token = tokens.issue(Purpose.WRITTEN_CONTRIBUTION, offer.get().id(),
        ProcessClock.now().toInstant().plus(written.linkValidFor()));
    model.put("writeLink", properties.publicUrl() + "/app/send-your-thoughts/" + token);
    return Optional.empty();
  }
}
