package org.coproduced.commissioning.involvement.invitation;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.coproduced.commissioning.involvement.CycleOutlines;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository.SessionChangeNote;
import org.coproduced.commissioning.involvement.InvolvementVariables;
import org.coproduced.commissioning.involvement.invitation.InvitationFacts.Facts;
import org.coproduced.commissioning.notification.LinkTokens;
import org.coproduced.commissioning.notification.LinkTokens.LinkToken;
import org.coproduced.commissioning.notification.LinkTokens.Purpose;
import org.coproduced.commissioning.web.LinkInputException;
import org.coproduced.commissioning.web.ReplyText;
import org.coproduced.commissioning.involvement.peerresearch.PeerResearchRoles;
import org.coproduced.commissioning.involvement.peerresearch.PeerResearchVariables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The answer link in an invitation, for experts who do not use Tasklist (and those who do but
 * prefer the link). Answering completes the invitation's waiting task through the engine, just
 * as a coordinator answering on the expert's behalf would; answering again changes nothing.
 */
@Service
public class InvitationLinks {

  static final String ACCEPT = "accept";
  static final String DECLINE = "decline";
  static final String ANSWERED_VIA = "email link";

  /** What the page shows. */
  public enum State {
    READY,
    DONE,
    ALREADY,
    REFUSED
  }

  /**
   * The invitation as the page shows it, with the same pack as the email, and the session's latest
   * change (moved, or cancelled and given a new date), if any: a link from an email sent before it
   * shows what changed, so nobody answers for a date that no longer exists.
   */
  public record Invited(Facts facts, String cycleTitle, InvitationPack.Sentences pack, SessionChangeNote change) {

    /** The change the page was shown with (0: never changed); an answer given on an older page is not recorded. */
    public int changeNumber() {
      return change == null ? 0 : change.number();
    }

    public java.time.LocalDate sessionDate() {
      return facts.sessionDate();
    }

    public String sessionTime() {
      return facts.sessionTime();
    }

    public int durationHours() {
      return facts.durationHours();
    }

    public String whatIsAsked() {
      return facts.whatIsAsked();
    }
  }

  /** The page for one link; {@code accepted} tells an answered invitation's answer. */
  public record Page(State state, Invited invitation, Boolean accepted) {

    static Page refused() {
      return new Page(State.REFUSED, null, null);
    }
  }

  private final LinkTokens tokens;
  private final InvitationFacts facts;
  private final CycleOutlines cycles;
  private final InvitationRepository invitations;
  private final InvolvementRequestRepository requests;
  private final TaskService tasks;
  private final AccessArrangements arrangements;
  private final InvitationPack packs;
  private final PeerResearchRoles roles;

  public InvitationLinks(LinkTokens tokens, InvitationFacts facts, CycleOutlines cycles,
      InvitationRepository invitations, InvolvementRequestRepository requests, TaskService tasks,
      AccessArrangements arrangements, InvitationPack packs, PeerResearchRoles roles) {
    this.roles = roles;
    this.tokens = tokens;
    this.facts = facts;
    this.cycles = cycles;
    this.invitations = invitations;
    this.requests = requests;
    this.tasks = tasks;
    this.arrangements = arrangements;
    this.packs = packs;
  }

  @Transactional(readOnly = true)
  public Page show(String token) {
    return tokens.findValid(token, Purpose.INVITATION_ANSWER)
        .flatMap(found -> facts.find(found.targetId()))
        .map(this::current)
        .orElseGet(Page::refused);
  }

  /** Records the answer and the expert's access needs (kept in the application, never in the engine). */
  @Transactional
  public Page answer(String token, String answer, String accessNeeds) {
    return answer(token, answer, accessNeeds, null, null);
  }

  /**
   * As {@link #answer(String, String, String)}, with how the expert takes part when the request
   * has both a session and peer research ("session" or "peerResearch"), from a page shown with the
   * session's change number {@code seenChange} (none: 0). If the session changed since, nothing is
   * recorded: the person is shown the new details and asked again.
   */
  @Transactional
  public Page answer(String token, String answer, String accessNeeds, String takePartAs, Integer seenChange) {
    LinkToken found = tokens.findValid(token, Purpose.INVITATION_ANSWER).orElse(null);
    Facts invitation = found == null ? null : facts.find(found.targetId()).orElse(null);
    if (invitation == null) {
      return Page.refused();
    }
    if (!invitation.open()) {
      tokens.markUsed(found.id());
      return current(invitation);
    }
    if (!ACCEPT.equals(answer) && !DECLINE.equals(answer)) {
      throw new LinkInputException("Please choose yes or no.");
    }
    if ((seenChange == null ? 0 : seenChange) != requests.sessionChanges(invitation.requestId())) {
      throw new LinkInputException("The session has changed since this page was opened. Please read the new date, "
          + "time and place below, then answer again. We have not recorded an answer yet.");
    }
    String needs = ReplyText.checked(accessNeeds);
    boolean accepted = ACCEPT.equals(answer);
    if (roles.choiceMissing(invitation.requestId(), accepted, takePartAs)) {
      throw new LinkInputException(PeerResearchRoles.CHOOSE_HOW);
    }
    Task waiting = waitingTask(invitation);
    if ("Activity_FollowUpInvitation".equals(waiting.getTaskDefinitionKey())) {
      tasks.complete(waiting.getId(), Variables.createVariables()
          .putValue(InvolvementVariables.CONTACT_METHOD, "email")
          .putValue(InvolvementVariables.INVITATION_ANSWER, answer)
          .putValue(PeerResearchVariables.TAKE_PART_AS, takePartAs));
    } else {
      tasks.complete(waiting.getId(), Variables.createVariables().putValue(InvolvementVariables.INVITATION_ANSWER, answer)
          .putValue(PeerResearchVariables.TAKE_PART_AS, takePartAs));
    }
    // The task's listener recorded the answer; add how it came and what the expert needs.
    invitations.recordAnswer(invitation.id(), accepted, ANSWERED_VIA, needs);
    arrangements.afterAnswer(invitation.id());
    tokens.markUsed(found.id());
    return new Page(State.DONE, invited(invitation), accepted);
  }

  private Task waitingTask(Facts invitation) {
    String gate = requests.processInstanceIdOf(invitation.requestId()).orElseThrow();
    List<Task> open = tasks.createTaskQuery().processInstanceId(gate)
        .taskDefinitionKeyIn("Activity_AnswerInvitation", "Activity_FollowUpInvitation").list();
    for (Task task : open) {
      Object id = tasks.getVariable(task.getId(), InvolvementVariables.INVITATION_ID);
      if (id instanceof Number number && number.longValue() == invitation.id()) {
        return task;
      }
    }
    throw new IllegalStateException("Invitation " + invitation.id() + " is open but has no task waiting for its answer");
  }

  private Invited invited(Facts invitation) {
    return new Invited(invitation, cycles.outline(invitation.cycleId()).map(c -> c.title()).orElse(""),
        packs.sentences(packs.of(invitation)), requests.lastSessionChange(invitation.requestId()).orElse(null));
  }

  private Page current(Facts invitation) {
    return switch (invitation.status()) {
      case INVITED -> new Page(State.READY, invited(invitation), null);
      case ACCEPTED -> new Page(State.ALREADY, invited(invitation), true);
      case DECLINED -> new Page(State.ALREADY, invited(invitation), false);
      default -> Page.refused();
    };
  }
}
