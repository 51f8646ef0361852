package org.coproduced.commissioning.involvement.written;

import static org.coproduced.commissioning.involvement.written.WrittenContributionVariables.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.coproduced.commissioning.experts.ExpertContacts;
import org.coproduced.commissioning.experts.ExpertContacts.ExpertContact;
import org.coproduced.commissioning.experts.ExpertDirectory;
import org.coproduced.commissioning.involvement.InvolvementRequest;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.involvement.contribution.ContributionRoute;
import org.coproduced.commissioning.involvement.invitation.Invitation;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationStatus;
import org.coproduced.commissioning.involvement.written.WrittenContributionRepository.Offer;
import org.coproduced.commissioning.involvement.written.WrittenContributionRepository.Status;
import org.coproduced.commissioning.notification.SystemAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Thoughts sent instead of coming. An invited expert who says no is offered, once and never
 * required, to send their thoughts in writing (the email link, or a Tasklist task) or to tell a
 * coordinator, who takes them down (by phone, or from a recording they send). What arrives before
 * the gate's notes of the session are finished becomes a contribution with route
 * {@link ContributionRoute#WRITTEN}: it counts for the gate and gets the same answer and "you
 * said, we did" as anything said at the session. After that the offer is closed.
 */
@Service
public class WrittenContributions {

  /** What became of a person's words. */
  public enum Outcome { KEPT, ALREADY, CLOSED }

  private final WrittenContributionRepository offers;
  private final InvitationRepository invitations;
  private final InvolvementRequestRepository requests;
  private final ContributionRepository contributions;
  private final ExpertContacts contacts;
  private final ExpertDirectory directory;
  private final WrittenContributionRecompense recompense;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final SystemAccess system;

  public WrittenContributions(WrittenContributionRepository offers, InvitationRepository invitations,
      InvolvementRequestRepository requests, ContributionRepository contributions, ExpertContacts contacts,
      ExpertDirectory directory, WrittenContributionRecompense recompense, RuntimeService runtime,
      HistoryService history, SystemAccess system) {
    this.offers = offers;
    this.invitations = invitations;
    this.requests = requests;
    this.contributions = contributions;
    this.contacts = contacts;
    this.directory = directory;
    this.recompense = recompense;
    this.runtime = runtime;
    this.history = history;
    this.system = system;
  }

  /**
   * Offers someone who declined this invitation a way to send their thoughts, in the caller's
   * transaction: by Tasklist if they use it, by email if they read it, else through a coordinator.
   * Once per invitation, however often this is called.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void offer(long invitationId) {
    Invitation invitation = invitations.get(invitationId);
    ExpertContact expert = contacts.expert(invitation.expertRef()).orElse(null);
    if (invitation.status() != InvitationStatus.DECLINED || expert == null || expert.erased()) {
      return; // only someone who said no is asked; someone erased is never contacted again
    }
    InvolvementRequest request = requests.get(invitation.requestId());
    String user = directory.tasklistUserOf(invitation.expertRef());
    String askBy = user != null ? BY_TASKLIST : expert.reachableByEmail() ? BY_EMAIL : BY_COORDINATOR;
    if (!offers.offer(invitationId, request.id(), invitation.expertId(), request.cycleId(), askBy)) {
      return;
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(CYCLE_ID, request.cycleId());
    variables.put(REQUEST_ID, request.id());
    variables.put(INVITATION_ID, invitationId);
    variables.put(EXPERT_REF, invitation.expertRef());
    variables.put(EXPERT_USER, user);
    variables.put(ASK_BY, askBy);
    variables.put(WHAT_IS_ASKED, request.whatIsAsked());
    system.withoutAuthorization(() -> {
      // The row above already makes this once only; this keeps a hand-repaired row from starting a second.
      if (history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
          .processInstanceBusinessKey(businessKey(invitationId)).count() == 0) {
        runtime.startProcessInstanceByKey(PROCESS_ID, businessKey(invitationId), variables);
      }
      return null;
    });
  }

  /**
   * Keeps their words as a contribution to the gate, once: {@link Outcome#ALREADY} when they sent
   * something (or said no thank you) before, {@link Outcome#CLOSED} when the gate's notes were
   * finished first. Nothing is kept in either case.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Outcome keep(long invitationId, String words, String receivedHow) {
    Offer offer = offers.findByInvitation(invitationId).orElseThrow(() ->
        new IllegalStateException("Invitation " + invitationId + " has no offer to send thoughts instead"));
    if (!offers.end(invitationId, Status.SENT, receivedHow)) {
      return offers.findByInvitation(invitationId).map(o -> o.status() == Status.CLOSED ? Outcome.CLOSED : Outcome.ALREADY)
          .orElse(Outcome.CLOSED);
    }
    InvolvementRequest request = requests.get(offer.requestId());
    long contributionId = contributions.insert(request.id(), request.cycleId(), offer.expertId(), request.stage(), words,
        ContributionRoute.WRITTEN);
    offers.linkContribution(invitationId, contributionId);
    recompense.owed(offer, request);
    return Outcome.KEPT;
  }

  /** They would rather not send anything, which is fine. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void notWanted(long invitationId, String how) {
    offers.end(invitationId, Status.NOT_WANTED, how);
  }

  /**
   * The gate's notes of the session are finished (or the gate stopped): every offer of that gate
   * still open is closed, and its task or link stops waiting. What came before counts; nothing after.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void closeForRequest(long requestId) {
    for (Offer offer : offers.openForRequest(requestId)) {
      close(offer);
    }
  }

  /** Closes one person's open offer: used when their personal data is erased. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void closeForExpert(long expertId) {
    offers.openForExpert(expertId).forEach(this::close);
  }

  private void close(Offer offer) {
    if (offers.end(offer.invitationId(), Status.CLOSED, null)) {
      system.withoutAuthorization(() -> runtime.createMessageCorrelation(WINDOW_CLOSED_MESSAGE)
          .processInstanceBusinessKey(businessKey(offer.invitationId())).correlateAllWithResult());
    }
  }
}
