package org.coproduced.commissioning.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import org.coproduced.commissioning.notification.MessageContent.NotSent;
import org.coproduced.commissioning.notification.MessageContent.Outcome;
import org.coproduced.commissioning.notification.MessageContent.Ready;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends one message from the outbox, exactly once as far as SMTP allows.
 *
 * <p>Each step commits on its own, outside the delivery job's transaction: the claim (PENDING to
 * SENDING, so no other node sends it meanwhile), then the hand-over to the mail server, then at
 * once the SENT mark. Whatever fails after that mark (the job's own commit, say) cannot cause a
 * second copy: a retry finds the message SENT and does nothing. The one window left is a crash
 * between the mail server accepting the message and the SENT mark committing: after the claim
 * runs out ({@code coproduction.messages.send-lock}) the message is sent again. SMTP has no way
 * to make that idempotent, so every copy carries the same Message-ID, derived from the
 * idempotency key, and receiving systems that de-duplicate on it show one.
 */
@Service
public class MessageSender {

  private static final Logger LOG = LoggerFactory.getLogger(MessageSender.class);

  private final MessageOutbox outbox;
  private final MessageContent content;
  private final MailTemplates templates;
  private final LinkTokens tokens;
  private final JavaMailSender mail;
  private final MessageProperties properties;
  private final TransactionTemplate ownTransaction;
  private final String owner;

  public MessageSender(MessageOutbox outbox, MessageContent content, MailTemplates templates, LinkTokens tokens,
      JavaMailSender mail, MessageProperties properties, PlatformTransactionManager transactions) {
    this.outbox = outbox;
    this.content = content;
    this.templates = templates;
    this.tokens = tokens;
    this.mail = mail;
    this.properties = properties;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Sends the message unless it is already sent (or will never be); throws if it could not be sent now. */
  public void send(long messageId) {
    Instant now = ProcessClock.now().toInstant();
    Claim claim = committed(() -> new Claim(outbox.claim(messageId, owner, now, now.plus(properties.sendLock())),
        outbox.find(messageId).orElseThrow(
            () -> new MessageDeliveryException("There is no message " + messageId + " in the outbox"))));
    OutboxMessage message = claim.message();
    if (!claim.won()) {
      if (message.status().isFinal()) {
        return; // sent (or settled) already: a retry, a redelivery or another node got here first
      }
      throw new MessageDeliveryException("Message " + message.idempotencyKey()
          + " is being sent by another node right now; it will be checked again later.");
    }
    String mailMessageId = mailMessageId(message.idempotencyKey());
    MailTemplates.Rendered filled;
    MimeMessage mime;
    try {
      Outcome outcome = content.prepare(message, (purpose, target, expires) ->
          committed(() -> tokens.issue(purpose, target, expires, messageId)));
      if (outcome instanceof NotSent notSent) {
        committed(() -> {
          outbox.markNotSent(messageId, owner, notSent.status(), notSent.reason());
          return null;
        });
        LOG.warn("Message {} not sent: {}", message.idempotencyKey(), notSent.reason());
        return;
      }
      Ready ready = (Ready) outcome;
      filled = templates.render(ready.template(), ready.model());
      mime = mime(ready.address(), filled, mailMessageId);
    } catch (RuntimeException | MessagingException problem) {
      giveBack(messageId, problem);
      throw new MessageDeliveryException("Message " + message.idempotencyKey() + " could not be written: "
          + problem.getMessage(), problem);
    }
    try {
      mail.send(mime);
    } catch (MailException problem) {
      giveBack(messageId, problem);
      throw new MessageDeliveryException("The mail server did not take message " + message.idempotencyKey() + " ("
          + problem.getMessage() + "). It will be tried again; after the last attempt it becomes an incident: "
          + "retry it in Cockpit once the mail server works.", problem);
    }
    // At once, in its own transaction: from here on a retry finds the message sent.
    String subject = filled.subject();
    committed(() -> {
      outbox.markSent(messageId, owner, subject, mailMessageId, ProcessClock.now().toInstant());
      return null;
    });
  }

  private record Claim(boolean won, OutboxMessage message) {}

  private MimeMessage mime(String to, MailTemplates.Rendered filled, String messageId) throws MessagingException {
    Session session = mail instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
    MimeMessage mime = new MimeMessage(session) {
      @Override
      protected void updateMessageID() throws MessagingException {
        // The same Message-ID on every attempt, so a copy sent twice can be recognised.
        setHeader("Message-ID", messageId);
      }
    };
    MimeMessageHelper helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
    helper.setFrom(properties.from());
    helper.setTo(to);
    helper.setSubject(filled.subject());
    helper.setText(filled.text(), filled.html());
    return mime;
  }

  private String mailMessageId(String idempotencyKey) {
    String host = URI.create(properties.publicUrl()).getHost();
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
      return "<" + HexFormat.of().formatHex(digest, 0, 20) + ".coproduction@" + (host == null ? "localhost" : host) + ">";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private void giveBack(long messageId, Exception problem) {
    committed(() -> {
      outbox.release(messageId, owner, problem.getClass().getSimpleName() + ": " + problem.getMessage());
      return null;
    });
  }

  private <T> T committed(Supplier<T> work) {
    return ownTransaction.execute(status -> work.get());
  }
}
