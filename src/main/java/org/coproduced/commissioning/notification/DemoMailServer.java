package org.coproduced.commissioning.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * A mail server inside the demo, so a newcomer can read every message the walkthrough sends at
 * {@code /app/mail} without installing anything. It listens on this machine only, at
 * {@code spring.mail.host}:{@code spring.mail.port}, and keeps messages in memory. It is started
 * before the engine's job executor, so the first deliveries find it.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "coproduction.demo.mail-server-enabled", havingValue = "true")
public class DemoMailServer implements MailCopies, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(DemoMailServer.class);
  private static final Pattern LINK = Pattern.compile("https?://\\S+");

  private final GreenMail server;
  private final boolean running;

  public DemoMailServer(@Value("${spring.mail.port}") int port) {
    GreenMail candidate = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    boolean started;
    try {
      candidate.start();
      started = true;
      LOG.info("Demo mail server listening on 127.0.0.1:{}; read its messages at /app/mail", port);
    } catch (RuntimeException busy) {
      // Another program has the port (a second copy of the demo, say): the demo still runs, and
      // its messages wait in the outbox, retried, until a mail server answers.
      started = false;
      LOG.warn("The demo mail server could not listen on port {} ({}). Messages will be retried until a mail "
          + "server answers there.", port, busy.getMessage());
    }
    this.server = candidate;
    this.running = started;
  }

  @Override
  public Optional<MailCopy> find(String mailMessageId) {
    if (!running || mailMessageId == null) {
      return Optional.empty();
    }
    for (MimeMessage message : server.getReceivedMessages()) {
      try {
        if (mailMessageId.equals(message.getMessageID())) {
          String text = plainText(message);
          List<String> links = new ArrayList<>();
          Matcher matcher = LINK.matcher(text);
          while (matcher.find()) {
            links.add(matcher.group());
          }
          return Optional.of(new MailCopy(GreenMailUtil.getAddressList(message.getRecipients(Message.RecipientType.TO)),
              message.getSubject(), text, links));
        }
      } catch (MessagingException | IOException unreadable) {
        LOG.warn("A message in the demo mail server cannot be read", unreadable);
      }
    }
    return Optional.empty();
  }

  private static String plainText(jakarta.mail.Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/plain")) {
      return part.getContent().toString();
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        String text = plainText(body);
        if (!text.isEmpty()) {
          return text;
        }
      }
    }
    return "";
  }

  @Override
  public void destroy() {
    if (running) {
      server.stop();
    }
  }
}
