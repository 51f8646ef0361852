package org.coproduced.commissioning.involvement.peerresearch;

import java.time.LocalDate;

/**
 * What a request asks of peer researchers: whether there is a session too, the date by which
 * views are gathered, and what to ask people about.
 */
public record PeerResearchAsk(long requestId, boolean sessionToo, LocalDate gatheredBy, String whatToAsk) {}
