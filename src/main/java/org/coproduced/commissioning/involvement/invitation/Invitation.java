package org.coproduced.commissioning.involvement.invitation;

/** One expert's invitation to one session. */
public record Invitation(long id, long requestId, long expertId, String expertRef, InvitationStatus status,
    boolean buddy) {}
