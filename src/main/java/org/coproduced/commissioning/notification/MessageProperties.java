package org.coproduced.commissioning.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How messages are sent and what they say about who to contact. The SMTP server itself is set
 * with Spring's own {@code spring.mail.*} properties.
 *
 * @param from the sender shown in every message, e.g. {@code Involvement team <involvement@council.example>}
 * @param publicUrl the address people use to reach the application; links in messages start with it
 * @param councilName the organisation named in messages
 * @param contactName who people can contact with questions
 * @param contactEmail their email address (optional)
 * @param contactPhone their phone number (optional)
 * @param linkValidFor how long a link in a message works (ISO 8601, days or less, e.g. {@code P30D});
 *     an invitation's links stop working after the session date in any case
 * @param retryIntervals the waits between attempts when the mail server cannot be reached, e.g.
 *     {@code PT1M,PT5M,PT15M,PT1H,PT4H}; after the last one the message becomes an incident in Cockpit
 * @param sendLock how long one node may take to hand a message to the mail server before another
 *     node may try it again (ISO 8601, e.g. {@code PT10M})
 * @param templates where the message templates are, e.g. {@code classpath:/templates/mail/} or
 *     {@code file:/etc/coproduction/mail/} to use a council's own wording
 */
@ConfigurationProperties("coproduction.messages")
public record MessageProperties(
    @DefaultValue("Coproduced Commissioning <no-reply@localhost>") String from,
    @DefaultValue("http://localhost:8080") String publicUrl,
    @DefaultValue("the council") String councilName,
    @DefaultValue("your involvement coordinator") String contactName,
    String contactEmail,
    String contactPhone,
    @DefaultValue("P30D") Duration linkValidFor,
    @DefaultValue("PT1M,PT5M,PT15M,PT1H,PT4H") String retryIntervals,
    @DefaultValue("PT10M") Duration sendLock,
    @DefaultValue("classpath:/templates/mail/") String templates) {

  public MessageProperties {
    publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    templates = templates.endsWith("/") ? templates : templates + "/";
    for (String interval : retryIntervals.split(",")) {
      Duration.parse(interval.trim());
    }
    if (linkValidFor.isNegative() || linkValidFor.isZero() || sendLock.isNegative() || sendLock.isZero()) {
      throw new IllegalArgumentException("coproduction.messages.link-valid-for and send-lock must be positive");
    }
  }
}
