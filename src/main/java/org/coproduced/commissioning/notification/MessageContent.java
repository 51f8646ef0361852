package org.coproduced.commissioning.notification;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.coproduced.commissioning.notification.Contacts.UserContact;
import org.coproduced.commissioning.notification.ExpertAddresses.ExpertAddress;
import org.coproduced.commissioning.notification.LinkTokens.Purpose;
import org.springframework.stereotype.Component;

/**
 * Everything a message's template needs, gathered when it is sent: the person's address and
 * name, then what the message says, from the {@link MessageWriter} of the feature that sent it.
 * The writer may also decide that the message is not needed any more (an invitation answered
 * before its reminder went out); nobody having an address for the person is decided here.
 */
@Component
public class MessageContent {

  /** How messages and the pages behind their links write a date: "Tuesday 13 January 2026". */
  public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

  /** Creates a link token while the message is prepared; it only lives in the message itself. */
  @FunctionalInterface
  public interface TokenIssuer {
    String issue(Purpose purpose, long targetId, Instant expiresAt);
  }

  /** What to do with a message. */
  public sealed interface Outcome permits Ready, NotSent {}

  /** Send it to this address, filling this template with this model. */
  public record Ready(String address, String template, Map<String, Object> model) implements Outcome {}

  /** Do not send it, for this reason. */
  public record NotSent(OutboxMessage.Status status, String reason) implements Outcome {

    public static NotSent undeliverable(String reason) {
      return new NotSent(OutboxMessage.Status.UNDELIVERABLE, reason);
    }

    public static NotSent notNeeded(String reason) {
      return new NotSent(OutboxMessage.Status.NOT_NEEDED, reason);
    }
  }

  /** Who to contact with questions, as every message and link page says. */
  public record Contact(String name, String email, String phone) {

    public static Contact of(MessageProperties properties) {
      return new Contact(properties.contactName(), blankToNull(properties.contactEmail()),
          blankToNull(properties.contactPhone()));
    }
  }

  /** The links in a message; those that do not apply are {@code null}. */
  public record Links(String accept, String decline, String acknowledge, String tasklist) {}

  /** Whether the person reads their messages in Tasklist too; writers add a Tasklist link then. */
  public static final String USES_TASKLIST = "usesTasklist";

  private final ExpertAddresses experts;
  private final Contacts contacts;
  private final List<MessageWriter> writers;
  private final MessageProperties properties;

  public MessageContent(ExpertAddresses experts, Contacts contacts, List<MessageWriter> writers,
      MessageProperties properties) {
    this.experts = experts;
    this.contacts = contacts;
    this.writers = writers;
    this.properties = properties;
  }

  public Outcome prepare(OutboxMessage message, TokenIssuer tokens) {
    List<MessageWriter> found = writers.stream().filter(writer -> writer.writes(message)).toList();
    if (found.size() != 1) {
      return NotSent.undeliverable(found.isEmpty()
          ? "No part of the application writes messages of the kind " + message.kind() + "."
          : "More than one part of the application writes messages of the kind " + message.kind() + ".");
    }
    MessageWriter writer = found.get(0);
    Map<String, Object> model = new HashMap<>();
    model.put("council", properties.councilName());
    model.put("contact", Contact.of(properties));
    String address;
    Recipient recipient = message.recipient();
    if (recipient.type() == Recipient.Type.EXPERT) {
      Optional<ExpertAddress> expert = experts.emailOf(recipient.id());
      if (expert.isEmpty()) {
        return NotSent.undeliverable(recipient.id()
            + " has no email address on record, or no longer wants email. Their coordinator can reach them.");
      }
      address = expert.get().email();
      model.put("name", expert.get().name());
      model.put(USES_TASKLIST, expert.get().usesTasklist());
    } else {
      Optional<UserContact> user = contacts.user(recipient.id());
      if (user.isEmpty() || user.get().email() == null || user.get().email().isBlank()) {
        return NotSent.undeliverable("User " + recipient.id() + " has no email address. Add one in Camunda Admin.");
      }
      address = user.get().email();
      model.put("name", user.get().name());
      model.put(USES_TASKLIST, true);
    }
    Optional<NotSent> notSent = writer.write(message, model, tokens);
    return notSent.<Outcome>map(n -> n).orElseGet(() -> new Ready(address, writer.template(message), model));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
