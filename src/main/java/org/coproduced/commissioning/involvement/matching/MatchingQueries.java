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
import org.springframework.stereotype.Repository;

/**
 * The facts matching needs from the invitations: bookings and hours given, each session's time
 * from its request. Conflicts of interest come from procurement, through {@link DeclaredConflicts}.
 */
@Repository
public class MatchingQueries {

  private final InvolvementRequestRepository requests;
  private final InvitationRepository invitations;

  public MatchingQueries(InvolvementRequestRepository requests, InvitationRepository invitations) {
    this.requests = requests;
    this.invitations = invitations;
  }

  /**
   * Each expert's commitments to sessions between {@code from} and {@code to}, other than the
   * request being matched: sessions they attended (hours given plus preparation) and sessions they
   * are proposed, confirmed, invited or booked for that have not been held yet (the session's length).
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
          .add(new Commitment(new Session(start, session.durationHours()), hours, booking.requestId()));
    }
    return byExpert;
  }

  /** Experts who have attended at least one session. */
  public Set<Long> expertsWhoAttended() {
    return invitations.expertsWhoAttended();
  }
}
