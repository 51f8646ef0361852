package org.coproduced.commissioning.involvement.invitation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When what an expert needs for a session must be arranged.
 *
 * @param arrangeWorkingDaysBefore the coordinators' task is due this many working days before the
 *     session (weekends and bank holidays do not count)
 */
@ConfigurationProperties("coproduction.involvement.access-needs")
public record AccessNeedsProperties(@DefaultValue("2") int arrangeWorkingDaysBefore) {

  public AccessNeedsProperties {
    if (arrangeWorkingDaysBefore < 0) {
      throw new IllegalArgumentException(
          "coproduction.involvement.access-needs.arrange-working-days-before must not be negative");
    }
  }
}
