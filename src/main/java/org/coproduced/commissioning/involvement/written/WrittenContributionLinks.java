package org.coproduced.commissioning.involvement.written;

import static org.coproduced.commissioning.involvement.written.WrittenContributionVariables.*;

import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.coproduced.commissioning.involvement.CycleOutlines;
import org.coproduced.commissioning.involvement.InvolvementRequest;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.written.WrittenContributionRepository.Offer;
import org.coproduced.commissioning.involvement.written.WrittenContributionRepository.Status;
import org.coproduced.commissioning.notification.LinkTokens;
import org.coproduced.commissioning.notification.LinkTokens.LinkToken;
import org.coproduced.commissioning.notification.LinkTokens.Purpose;
import org.coproduced.commissioning.notification.MessageContent;
import org.coproduced.commissioning.notification.SystemAccess;
import org.coproduced.commissioning.web.LinkInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The link in "Would you like to send us your thoughts instead?". Opening it shows what the
 * session was about and a box to write in; sending keeps the words as a contribution to the gate
 * (once: sending again changes nothing). Someone who would rather talk, or send a recording, asks
 * for a coordinator instead. Once the gate's notes of the session are finished the page says so
 * kindly, with who to contact, and keeps nothing.
 */
@Service
public class WrittenContributionLinks {

  /** What the page shows. */
  public enum State { READY, SENT, TAKE_DOWN, ALREADY, NOT_WANTED, CLOSED, REFUSED }

  /** The session the offer is about, as the page and the email show it. */
  public record Session(String cycleTitle, String date, String whatIsAsked) {}

  /** The page for one link. */
  public record Page(State state, Session session) {

    static Page refused() {
      return new Page(State.REFUSED, null);
    }
  }

  private final LinkTokens tokens;
  private final WrittenContributionRepository offers;
  private final WrittenContributions written;
  private final InvolvementRequestRepository requests;
  private final CycleOutlines cycles;
  private final RuntimeService runtime;
  private final SystemAccess system;

  public WrittenContributionLinks(LinkTokens tokens, WrittenContributionRepository offers,
      WrittenContributions written, InvolvementRequestRepository requests, CycleOutlines cycles,
      RuntimeService runtime, SystemAccess system) {
    this.tokens = tokens;
    this.offers = offers;
    this.written = written;
    this.requests = requests;
    this.cycles = cycles;
    this.runtime = runtime;
    this.system = system;
  }

  @Transactional(readOnly = true)
  public Page show(String token) {
    return offer(token).map(o -> page(o, o.status() == Status.OFFERED ? State.READY : stateOf(o)))
        .orElseGet(Page::refused);
  }

  /** Keeps their words; refused with a plain message when there are none or they cannot be kept. */
  @Transactional
  public Page send(String token, String words) {
    LinkToken found = tokens.findValid(token, Purpose.WRITTEN_CONTRIBUTION).orElse(null);
    Optional<Offer> offer = Optional.ofNullable(found).flatMap(f -> offers.findById(f.targetId()));
    if (offer.isEmpty()) {
      return Page.refused();
    }
    if (offer.get().status() != Status.OFFERED) {
      return page(offer.get(), stateOf(offer.get()));
    }
    String kept = WrittenWords.trimmed(words);
    if (kept == null) {
      throw new LinkInputException("You have not written anything yet. Please write your thoughts in the box. "
          + "If you would rather not, that is fine: you can close this page.");
    }
    WrittenWords.problem(kept).ifPresent(problem -> {
      throw new LinkInputException(problem);
    });
    long invitationId = offer.get().invitationId();
    return switch (written.keep(invitationId, kept, BY_EMAIL)) {
      case KEPT -> {
        correlate(SENT_MESSAGE, invitationId);
        tokens.markUsed(found.id());
        yield page(offer.get(), State.SENT);
      }
      case ALREADY -> page(offer.get(), State.ALREADY);
      case CLOSED -> page(offer.get(), State.CLOSED);
    };
  }

  /** They would rather say it, or send a recording: a coordinator gets in touch and takes it down. */
  @Transactional
  public Page askToTalk(String token) {
    LinkToken found = tokens.findValid(token, Purpose.WRITTEN_CONTRIBUTION).orElse(null);
    Optional<Offer> offer = Optional.ofNullable(found).flatMap(f -> offers.findById(f.targetId()));
    if (offer.isEmpty()) {
      return Page.refused();
    }
    if (offer.get().status() != Status.OFFERED) {
      return page(offer.get(), stateOf(offer.get()));
    }
    // The offer stays open: the coordinator's task keeps what they say, until the gate's notes are finished.
    long waiting = system.withoutAuthorization(() -> runtime.createExecutionQuery()
        .processInstanceBusinessKey(businessKey(offer.get().invitationId()))
        .messageEventSubscriptionName(TAKE_DOWN_MESSAGE).count());
    if (waiting > 0) {
      correlate(TAKE_DOWN_MESSAGE, offer.get().invitationId());
    }
    tokens.markUsed(found.id());
    return page(offer.get(), State.TAKE_DOWN);
  }

  /** The session an offer is about. */
  Session session(Offer offer) {
    InvolvementRequest request = requests.get(offer.requestId());
    String title = cycles.outline(request.cycleId()).map(CycleOutlines.CycleOutline::title).orElse("");
    return new Session(title, request.sessionDate() == null ? "" : MessageContent.DAY.format(request.sessionDate()),
        request.whatIsAsked());
  }

  private Optional<Offer> offer(String token) {
    return tokens.findValid(token, Purpose.WRITTEN_CONTRIBUTION).flatMap(found -> offers.findById(found.targetId()));
  }

  private void correlate(String message, long invitationId) {
    system.withoutAuthorization(() -> runtime.createMessageCorrelation(message)
        .processInstanceBusinessKey(businessKey(invitationId)).correlateWithResult());
  }

  private static State stateOf(Offer offer) {
    return switch (offer.status()) {
      case OFFERED -> State.TAKE_DOWN;
      case SENT -> State.ALREADY;
      case NOT_WANTED -> State.NOT_WANTED;
      case CLOSED -> State.CLOSED;
    };
  }

  private Page page(Offer offer, State state) {
    return new Page(state, session(offer));
  }
}
