package org.coproduced.commissioning.tasknotice;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.coproduced.commissioning.experts.ExpertContacts;
import org.coproduced.commissioning.feedback.FeedbackQueries;
import org.coproduced.commissioning.involvement.CycleOutlines;
import org.coproduced.commissioning.involvement.InvolvementRequest;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.procurement.Bid;
import org.coproduced.commissioning.procurement.ProcurementService;
import org.springframework.stereotype.Component;

/**
 * What a task is about, looked up by the ids its process holds: the cycle's title, the session,
 * a person's reference and how they are reached, a contribution's or a bid's reference. Only
 * references, titles and channels: never a person's name.
 */
@Component
public class TaskFacts {

  private final CycleOutlines cycles;
  private final InvolvementRequestRepository requests;
  private final InvitationRepository invitations;
  private final ExpertContacts experts;
  private final FeedbackQueries feedback;
  private final ProcurementService procurement;

  public TaskFacts(CycleOutlines cycles, InvolvementRequestRepository requests, InvitationRepository invitations,
      ExpertContacts experts, FeedbackQueries feedback, ProcurementService procurement) {
    this.cycles = cycles;
    this.requests = requests;
    this.invitations = invitations;
    this.experts = experts;
    this.feedback = feedback;
    this.procurement = procurement;
  }

  /** The involvement request (and so the session) the task is about, once it has been described. */
  public Optional<InvolvementRequest> request(DelegateTask task) {
    Long requestId = id(task, "requestId");
    return requestId == null ? Optional.empty() : requests.findById(requestId);
  }

  /** The cycle's title, from the task's cycle id or its request's. */
  public Optional<String> cycleTitle(DelegateTask task) {
    Long cycleId = id(task, "cycleId");
    if (cycleId == null) {
      cycleId = request(task).map(InvolvementRequest::cycleId).orElse(null);
    }
    return cycleId == null ? Optional.empty() : cycles.outline(cycleId).map(CycleOutlines.CycleOutline::title);
  }

  /** When the session starts, in the server's time zone. */
  public Optional<Date> sessionStart(DelegateTask task) {
    return request(task).filter(r -> r.sessionDate() != null).map(r -> Date.from(
        LocalDateTime.of(r.sessionDate(), r.sessionTime() == null ? LocalTime.of(9, 0) : LocalTime.parse(r.sessionTime()))
            .atZone(ZoneId.systemDefault()).toInstant()));
  }

  /** The expert an invitation is for. */
  public Optional<String> invitedExpertRef(DelegateTask task) {
    Long invitationId = id(task, "invitationId");
    return invitationId == null ? Optional.empty() : Optional.of(invitations.get(invitationId).expertRef());
  }

  /** A person as a coordinator needs them: "EX-0009 (by phone)"; the reference alone once erased or unknown. */
  public String person(String expertRef) {
    return experts.expert(expertRef).filter(e -> !e.erased())
        .map(e -> expertRef + " (" + e.channelInWords() + ")").orElse(expertRef);
  }

  /** "by post" or "by phone": how feedback reaches a person, for tasks done on their behalf. */
  public Optional<String> channel(String expertRef) {
    return experts.expert(expertRef).filter(e -> !e.erased()).map(ExpertContacts.ExpertContact::channelInWords);
  }

  public String contributionRef(long contributionId) {
    return feedback.contributionRef(contributionId);
  }

  /** "bid 2 from Acme Housing": the bid's number in its cycle, as the bids were recorded, and its bidder. */
  public String bid(long bidId) {
    Bid bid = procurement.bid(bidId);
    return "bid " + bid.slot() + " from " + bid.bidderName();
  }

  /** A whole-number variable the task can see, whichever number type it was stored as. */
  static Long id(DelegateTask task, String name) {
    return task.getVariable(name) instanceof Number number ? number.longValue() : null;
  }
}
