package org.coproduced.commissioning.involvement;

import java.time.LocalDate;
import java.util.Map;
import org.coproduced.commissioning.experts.SessionHours;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.springframework.stereotype.Component;

/**
 * The hours experts gave, as coordinators recorded them on invitations to sessions: for the
 * experts feature's pool page, which counts hours over a window of session dates.
 */
@Component
class InvitationHours implements SessionHours {

  private final InvolvementRequestRepository requests;
  private final InvitationRepository invitations;

  InvitationHours(InvolvementRequestRepository requests, InvitationRepository invitations) {
    this.requests = requests;
    this.invitations = invitations;
  }

  @Override
  public Map<Long, Integer> byExpertBetween(LocalDate from, LocalDate to) {
    return invitations.hoursGivenByExpert(requests.idsWithSessionBetween(from, to));
  }
}
