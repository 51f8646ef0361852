package org.coproduced.commissioning.involvement.invitation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.springframework.stereotype.Component;

/**
 * An invitation with its session, as the invitation message and the answer page show it: the
 * invitation from its repository, the session from the request's.
 */
@Component
public class InvitationFacts {

  /** An invitation with its session. */
  public record Facts(long id, InvitationStatus status, boolean buddy, Instant invitedAt, long expertId, String stage,
      String whatIsAsked, String whyAsked, String involvementKind, LocalDate sessionDate, String sessionTime,
      int durationHours, String sessionFormat, String venueAndAccess, String whoWillAttend, long cycleId,
      long requestId) {

    public boolean open() {
      return status == InvitationStatus.INVITED;
    }
  }

  private final InvitationRepository invitations;
  private final InvolvementRequestRepository requests;

  public InvitationFacts(InvitationRepository invitations, InvolvementRequestRepository requests) {
    this.invitations = invitations;
    this.requests = requests;
  }

  public Optional<Facts> find(long invitationId) {
    return invitations.findSent(invitationId).flatMap(sent -> requests.findById(sent.requestId()).map(r ->
        new Facts(sent.id(), sent.status(), sent.buddy(), sent.invitedAt(), sent.expertId(), r.stage(),
            r.whatIsAsked(), r.whyAsked(), r.involvementKind(), r.sessionDate(), r.sessionTime(), r.durationHours(),
            r.sessionFormat(), r.venueAndAccess(), r.whoWillAttend(), r.cycleId(),
            r.id())));
  }
}
