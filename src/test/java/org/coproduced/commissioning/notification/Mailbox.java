package org.coproduced.commissioning.notification;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the test mail server received, read the way a person's mail program shows it. */
public final class Mailbox {

  /** One received message. */
  public record Mail(String to, String subject, String text, String html, String messageId) {

    /** The first link in the plain text starting with this address part, e.g. {@code /app/invitations/}. */
    public String link(String pathPart) {
      Matcher matcher = Pattern.compile("https?://\\S*" + Pattern.quote(pathPart) + "\\S*").matcher(text);
      if (!matcher.find()) {
        throw new AssertionError("No link containing " + pathPart + " in:\n" + text);
      }
      return matcher.group();
    }

    /** The token at the end of a link's path (before any query). */
    public String token(String pathPart) {
      String link = link(pathPart);
      String path = link.contains("?") ? link.substring(0, link.indexOf('?')) : link;
      return path.substring(path.lastIndexOf('/') + 1);
    }
  }

  private Mailbox() {}

  public static List<Mail> read(GreenMailExtension server) {
    List<Mail> mails = new ArrayList<>();
    for (MimeMessage message : server.getReceivedMessages()) {
      try {
        String to = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
            .map(a -> ((InternetAddress) a).getAddress()).reduce((a, b) -> a + "," + b).orElse("");
        mails.add(new Mail(to, message.getSubject(), part(message, "text/plain"), part(message, "text/html"),
            message.getMessageID()));
      } catch (Exception e) {
        throw new AssertionError("A received message cannot be read", e);
      }
    }
    return mails;
  }

  public static List<Mail> to(GreenMailExtension server, String address) {
    return read(server).stream().filter(m -> m.to().equals(address)).toList();
  }

  private static String part(Part part, String type) throws Exception {
    if (part.isMimeType(type)) {
      return part.getContent().toString();
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        String found = part(body, type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
