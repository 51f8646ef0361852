package org.coproduced.commissioning.procurement;

import java.math.BigDecimal;

/** A bid received for a cycle's tender, with the panel's agreed scores once moderated. */
public record Bid(long id, long cycleId, int slot, String bidderName, BigDecimal price) {}
