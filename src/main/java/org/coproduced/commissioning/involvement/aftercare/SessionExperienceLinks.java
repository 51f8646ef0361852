package org.coproduced.commissioning.involvement.aftercare;

import static org.coproduced.commissioning.involvement.aftercare.AftercareVariables.*;

import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.involvement.CycleOutlines;
import org.coproduced.commissioning.involvement.InvolvementRequest;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.aftercare.SessionExperienceRepository.Experience;
import org.coproduced.commissioning.involvement.aftercare.SessionExperienceRepository.Status;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.notification.LinkTokens;
import org.coproduced.commissioning.notification.LinkTokens.LinkToken;
import org.coproduced.commissioning.notification.LinkTokens.Purpose;
import org.coproduced.commissioning.notification.MessageContent;
import org.coproduced.commissioning.notification.SystemAccess;
import org.coproduced.commissioning.web.LinkInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The link in the "How was it for you?" email. Opening it shows a few short questions, all
 * optional; sending the answers saves them (private to coordinators) and lets the person's
 * process finish, with a coordinator task if they asked us to get in touch. Sending again
 * changes nothing.
 */
@Service
public class SessionExperienceLinks {

  /** What the page shows. */
  public enum State { READY, DONE, ALREADY, REFUSED }

  /** The page for one link: the session it is about, and whether they asked to be contacted. */
  public record Page(State state, String cycleTitle, String date, boolean wantsContact) {

    static Page refused() {
      return new Page(State.REFUSED, null, null, false);
    }
  }

  private final LinkTokens tokens;
  private final SessionExperienceRepository experiences;
  private final InvitationRepository invitations;
  private final InvolvementRequestRepository requests;
  private final CycleOutlines cycles;
  private final RuntimeService runtime;
  private final SystemAccess system;

  public SessionExperienceLinks(LinkTokens tokens, SessionExperienceRepository experiences,
      InvitationRepository invitations, InvolvementRequestRepository requests, CycleOutlines cycles,
      RuntimeService runtime, SystemAccess system) {
    this.tokens = tokens;
    this.experiences = experiences;
    this.invitations = invitations;
    this.requests = requests;
    this.cycles = cycles;
    this.runtime = runtime;
    this.system = system;
  }

  @Transactional(readOnly = true)
  public Page show(String token) {
    return tokens.findValid(token, Purpose.SESSION_EXPERIENCE).flatMap(found -> experiences.findById(found.targetId()))
        .map(e -> page(e.status() == Status.ASKED ? State.READY : State.ALREADY, e, false))
        .orElseGet(Page::refused);
  }

  /** Saves the answers; at least one question answered, or a request to get in touch. */
  @Transactional
  public Page answer(String token, String listenedTo, String prepared, String fairlyPaid, String takePartAgain,
      String whatToChange, String wantsContact) {
    LinkToken found = tokens.findValid(token, Purpose.SESSION_EXPERIENCE).orElse(null);
    Optional<Experience> experience = Optional.ofNullable(found).flatMap(f -> experiences.findById(f.targetId()));
    if (experience.isEmpty()) {
      return Page.refused();
    }
    if (experience.get().status() != Status.ASKED) {
      return page(State.ALREADY, experience.get(), false);
    }
    SessionAnswers answers = checked(listenedTo, prepared, fairlyPaid, takePartAgain, whatToChange, wantsContact);
    long invitationId = experience.get().invitationId();
    experiences.answer(invitationId, answers, "link");
    system.withoutAuthorization(() -> runtime.createMessageCorrelation(ANSWERED_MESSAGE)
        .processInstanceBusinessKey("session-experience/" + invitationId)
        .setVariable(WANTS_CONTACT, answers.wantsContact())
        .correlateAllWithResult());
    tokens.markUsed(found.id());
    return page(State.DONE, experience.get(), answers.wantsContact());
  }

  private static SessionAnswers checked(String listenedTo, String prepared, String fairlyPaid, String takePartAgain,
      String whatToChange, String wantsContact) {
    SessionAnswers answers;
    try {
      answers = SessionAnswers.of(listenedTo, prepared, fairlyPaid, takePartAgain, whatToChange,
          "yes".equals(wantsContact));
    } catch (FormInputException problem) {
      throw new LinkInputException(problem.getMessage());
    }
    if (!answers.anything()) {
      throw new LinkInputException("You have not answered any of the questions. That is fine: you do not have to. "
          + "If you would like to answer, choose an answer below. If not, you can close this page.");
    }
    return answers;
  }

  private Page page(State state, Experience experience, boolean wantsContact) {
    InvolvementRequest request = requests.get(invitations.get(experience.invitationId()).requestId());
    String title = cycles.outline(request.cycleId()).map(CycleOutlines.CycleOutline::title).orElse("");
    return new Page(state, title, MessageContent.DAY.format(request.sessionDate()), wantsContact);
  }
}
