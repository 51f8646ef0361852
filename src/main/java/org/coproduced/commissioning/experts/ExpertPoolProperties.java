package org.coproduced.commissioning.experts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the expert pool page flags reviews.
 *
 * @param reviewDueWithinDays a consent or wellbeing review this many days away, or past, shows as due
 */
@ConfigurationProperties("coproduction.experts")
public record ExpertPoolProperties(@DefaultValue("30") int reviewDueWithinDays) {}
