package org.coproduced.commissioning.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.experts.ContactChannel;
import org.coproduced.commissioning.experts.Expert;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.experts.NewExpert;
import org.coproduced.commissioning.involvement.invitation.InvitationStatus;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.RequestDetails;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Experts, cycles and sessions written straight to the application's tables, for tests of the
 * pool, matching and the ledger. Experts made here leave the pool at {@link #retireAll()}, so
 * other tests sharing the context never see them as candidates.
 */
public class PoolFixtures {

  private final ExpertRepository experts;
  private final CycleRepository cycles;
  private final InvolvementRequestRepository requests;
  private final InvitationRepository invitations;
  private final JdbcClient jdbc;
  private final List<Long> made = new ArrayList<>();

  public PoolFixtures(ApplicationContext context) {
    this.experts = context.getBean(ExpertRepository.class);
    this.cycles = context.getBean(CycleRepository.class);
    this.requests = context.getBean(InvolvementRequestRepository.class);
    this.invitations = context.getBean(InvitationRepository.class);
    this.jdbc = context.getBean(JdbcClient.class);
  }

  /** An active, experienced expert with current consent and wellbeing check. */
  public Expert expert(String recompense, String... areas) {
    return expert(recompense, true, areas);
  }

  public Expert expert(String recompense, boolean experienced, String... areas) {
    LocalDate today = ProcessClock.today();
    String ref = experts.nextRef();
    long id = experts.insert(new NewExpert(ref, null, "Fixture " + ref, ref.toLowerCase() + "@example.org", null, null,
        ContactChannel.EMAIL, new LinkedHashSet<>(List.of(areas)), recompense, false, today.minusMonths(1),
        today.plusYears(2), today.minusMonths(1), today.plusYears(2), null, null, experienced, null));
    made.add(id);
    return experts.findById(id).orElseThrow();
  }

  public long cycle(String title) {
    return cycles.insert(title, "housing-homelessness", "under-100k", "Experts shape it.", "Better outcomes",
        "This year", "commissioner", null);
  }

  /** A request for a session on {@code day}, described and accepted. */
  public long session(long cycleId, String stage, LocalDate day, String time, int hours, String format, int places,
      String... areas) {
    long id = requests.save(null, cycleId, stage, new RequestDetails("Share your experience.", "To shape the service.",
        "coproduction", day, time, hours, format, "Community hall, step-free.", places, List.of(areas),
        "The commissioner."), 10, null);
    requests.recordReview(id, org.coproduced.commissioning.involvement.RequestStatus.ACCEPTED, null, null);
    return id;
  }

  /** The expert came to the session, gave these hours, and the coordinator approved these expenses. */
  public long attended(long requestId, Expert expert, int hours, int preparation, InvitationRepository.Expenses expenses) {
    long invitationId = invitations.insert(requestId, expert.id(), InvitationStatus.ACCEPTED, false, null);
    invitations.recordAttendance(invitationId, true, hours, preparation, expenses, null, "coordinator");
    return invitationId;
  }

  public long booked(long requestId, Expert expert, InvitationStatus status) {
    return invitations.insert(requestId, expert.id(), status, false, null);
  }

  public static InvitationRepository.Expenses expenses(String travel, String childcare, String subsistence) {
    return new InvitationRepository.Expenses(new BigDecimal(travel), new BigDecimal(childcare), new BigDecimal(subsistence));
  }

  public Set<Long> made() {
    return Set.copyOf(made);
  }

  /** Everyone made here leaves the pool. */
  public void retireAll() {
    for (Long id : made) {
      jdbc.sql("UPDATE cc_expert SET status = 'LEFT' WHERE id = ?").param(id).update();
    }
    made.clear();
  }
}
