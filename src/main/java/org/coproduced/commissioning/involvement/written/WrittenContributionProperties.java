package org.coproduced.commissioning.involvement.written;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the link in "Would you like to send us your thoughts instead?" works. Whatever it says,
 * what arrives after the gate's notes of the session are finished no longer counts for it: the
 * page then says so and who to contact.
 *
 * @param linkValidFor how long the email link opens its page, in ISO 8601 days or less (P90D)
 */
@ConfigurationProperties("coproduction.written")
public record WrittenContributionProperties(@DefaultValue("P90D") Duration linkValidFor) {

  public WrittenContributionProperties {
    if (linkValidFor.isNegative() || linkValidFor.isZero()) {
      throw new IllegalArgumentException("coproduction.written.link-valid-for must be a positive duration, like P90D");
    }
  }
}
