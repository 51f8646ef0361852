package org.coproduced.commissioning.involvement.aftercare;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the "How was it for you?" link works. After that the process ends quietly: answering
 * is never required, so nobody is chased.
 *
 * @param answerWithin how long the email link works, in ISO 8601 days or less (P28D: four weeks)
 */
@ConfigurationProperties("coproduction.aftercare")
public record AftercareProperties(@DefaultValue("P28D") Duration answerWithin) {}
