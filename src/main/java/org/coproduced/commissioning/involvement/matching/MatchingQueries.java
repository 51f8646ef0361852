package org.coproduced.commissioning.involvement.matching;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository.SessionSlot;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository.Booking;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Commitment;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Session;
import org.coproduced.commissioning.involvement.recompense.RecompenseLedger;
import org.coproduced.commissioning.involvement.recompense.RecompenseLedger.WorkHours;
import org.springframework.stereotype.Repository;

/**
 * The facts matching needs from the invitations: bookings and hours given, each session's time
 * from its request; and from the recompense ledger, hours given outside sessions (reviewing a
 * specification, meetings to agree it). Conflicts of interest come from procurement, through
 * {@link DeclaredConflicts}.
 */
@Repository
public class MatchingQueries {

  private final InvolvementRequestRepository requests;
  private final InvitationRepository invitations;
  private final RecompenseLedger ledger;

  public MatchingQueries(InvolvementRequestRepository requests, InvitationRepository invitations,
      RecompenseLedger ledger) {
    this.requests = requests;
    this.invitations = invitations;
    this.ledger = ledger;
  }

  /**
   * Each expert's commitments to sessions between {@code from} and {@code to}, other than the
   * request being matched: sessions they attended (hours given plus preparation) and sessions they
   * are proposed, confirmed, invited or booked for that have not been held yet (the session's length);
   * and their hours reviewing a specification or at meetings to agree one, which count towards the
   * limit of hours but book no time of day.
   */
  public Map<Long, List<Commitment>> commitments(LocalDate from, LocalDate to, long exceptRequestId) {
    Map<Long, SessionSlot> sessions = requests.sessionsBetween(from, to, exceptRequestId);
    Map<Long, List<Commitment>> byExpert = new HashMap<>();
    for (Booking booking : invitations.bookings(sessions.keySet())) {
      SessionSlot session = sessions.get(booking.requestId());
      boolean attended = Boolean.TRUE.equals(booking.attended());
      if (!attended && session.completed()) {
        continue; // held without them: nothing to count
      }
      LocalDateTime start = LocalDateTime.of(session.date(), LocalTime.parse(session.time()));
      int hours = attended ? booking.hoursGiven() : session.durationHours();
      byExpert.computeIfAbsent(booking.expertId(), id -> new ArrayList<>())
          .add(new Commitment(new Session(start, session.durationHours()), hours));
    }
    for (WorkHours work : ledger.workHoursBetween(from, to)) {
      byExpert.computeIfAbsent(work.expertId(), id -> new ArrayList<>()).add(Commitment.workOn(work.day(), work.hours()));
    }
    return byExpert;
  }

  /** Experts who have attended at least one session. */
  public Set<Long> expertsWhoAttended() {
    return invitations.expertsWhoAttended();
  }
}
