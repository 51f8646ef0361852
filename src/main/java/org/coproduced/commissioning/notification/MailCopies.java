package org.coproduced.commissioning.notification;

import java.util.List;
import java.util.Optional;

/** The copies a mail server received, where the application can read them (the demo's own server). */
public interface MailCopies {

  /** A received message as a person would read it. */
  record MailCopy(String to, String subject, String text, List<String> links) {}

  /** The copy with this Message-ID header, if the server received it. */
  Optional<MailCopy> find(String mailMessageId);
}
