package org.coproduced.commissioning.publication;

import java.time.Instant;

/** Who drafted, changed, approved, published or withdrew a cycle's public summary, and when. */
public record PublicEvent(PublicAction action, String by, Instant at) {}
