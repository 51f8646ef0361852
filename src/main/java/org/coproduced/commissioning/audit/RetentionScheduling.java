package org.coproduced.commissioning.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Switches on Spring's scheduler for {@link CycleRecordRetention}. */
@Configuration
@EnableScheduling
class RetentionScheduling {}
