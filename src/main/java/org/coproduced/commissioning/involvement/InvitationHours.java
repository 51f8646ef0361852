package org.coproduced.commissioning.involvement;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.coproduced.commissioning.experts.SessionHours;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.involvement.recompense.RecompenseLedger;
import org.springframework.stereotype.Component;

/**
 * The hours experts gave, as coordinators recorded them on invitations to sessions, and their
 * hours reviewing a specification or at meetings to agree one, from the recompense ledger: for the
 * experts feature's pool page, which counts hours over a window of dates as matching does.
 */
@Component
class InvitationHours implements SessionHours {

  private final InvolvementRequestRepository requests;
  private final InvitationRepository invitations;
  private final RecompenseLedger ledger;

  InvitationHours(InvolvementRequestRepository requests, InvitationRepository invitations, RecompenseLedger ledger) {
    this.requests = requests;
    this.invitations = invitations;
    this.ledger = ledger;
  }

  @Override
  public Map<Long, Integer> byExpertBetween(LocalDate from, LocalDate to) {
    Map<Long, Integer> hours = new HashMap<>(invitations.hoursGivenByExpert(requests.idsWithSessionBetween(from, to)));
    ledger.workHoursBetween(from, to).forEach(work -> hours.merge(work.expertId(), work.hours(), Integer::sum));
    return hours;
  }
}
