package org.coproduced.commissioning.involvement.matching;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits that protect experts from being overburdened, and what their time is worth.
 *
 * @param maxHoursPer90Days no expert is proposed beyond this many hours in 90 days
 * @param hourlyRate recompense per hour in pounds (payment, voucher or training credit)
 */
@ConfigurationProperties("coproduction.involvement")
public record MatchingProperties(
    @DefaultValue("24") int maxHoursPer90Days,
    @DefaultValue("13.45") BigDecimal hourlyRate) {}
