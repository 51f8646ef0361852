package org.coproduced.commissioning.notification;

import org.coproduced.commissioning.notification.MessageContent.Contact;
import org.springframework.stereotype.Component;

/**
 * Who people can ask, as the pages behind links say it ({@code @contactDetails.get()} in their
 * layout): read from the template itself, so even a page shown for a problem names someone.
 */
@Component("contactDetails")
public class ContactDetails {

  private final MessageProperties properties;

  public ContactDetails(MessageProperties properties) {
    this.properties = properties;
  }

  public Contact get() {
    return Contact.of(properties);
  }
}
