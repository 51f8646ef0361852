package org.coproduced.commissioning.feedback;

import static org.coproduced.commissioning.feedback.FeedbackVariables.*;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.feedback.FeedbackRepository.FeedbackRow;
import org.coproduced.commissioning.involvement.CycleOutlines;
import org.coproduced.commissioning.involvement.CycleOutlines.CycleOutline;
import org.coproduced.commissioning.involvement.contribution.Contribution;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.notification.LinkTokens;
import org.coproduced.commissioning.notification.LinkTokens.LinkToken;
import org.coproduced.commissioning.notification.LinkTokens.Purpose;
import org.coproduced.commissioning.stepback.StepBackReason;
import org.coproduced.commissioning.stepback.StepBacks;
import org.coproduced.commissioning.stepback.TaskKinds;
import org.coproduced.commissioning.web.LinkInputException;
import org.coproduced.commissioning.web.ReplyText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The acknowledgement link in a "you said, we did" message. Opening it shows the person their
 * feedback; confirming records the acknowledgement and lets their part of the feedback process
 * finish, wherever it waits: for the link, in their Tasklist task, or with a coordinator who was
 * about to follow up. Confirming again changes nothing.
 */
@Service
public class FeedbackLinks {

  /** What the page shows. */
  public enum State {
    /** A valid link, not yet confirmed. */
    READY,
    /** Confirmed just now. */
    DONE,
    /** Confirmed before (by this link, in Tasklist, or through a coordinator). */
    ALREADY,
    /** They said they can't do this now, or would like to talk to someone: a coordinator will be in touch. */
    STEPPED_BACK,
    /** Not a link we know, or expired: nothing is shown. */
    REFUSED
  }

  /** The page for one link. */
  public record Page(State state, CycleOutline cycle, List<Contribution> contributions) {

    static Page refused() {
      return new Page(State.REFUSED, null, List.of());
    }
  }

  /** One person's feedback in a cycle. */
  private record Person(long id, long cycleId, String expertRef, FeedbackStatus status) {}

  private final LinkTokens tokens;
  private final ExpertRepository experts;
  private final CycleOutlines cycles;
  private final ContributionRepository contributions;
  private final FeedbackRepository feedback;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final FeedbackReplies replies;
  private final StepBacks stepBacks;

  public FeedbackLinks(LinkTokens tokens, ExpertRepository experts, CycleOutlines cycles,
      ContributionRepository contributions, FeedbackRepository feedback, RuntimeService runtime, TaskService tasks,
      FeedbackReplies replies, StepBacks stepBacks) {
    this.stepBacks = stepBacks;
    this.tokens = tokens;
    this.experts = experts;
    this.cycles = cycles;
    this.contributions = contributions;
    this.feedback = feedback;
    this.runtime = runtime;
    this.tasks = tasks;
    this.replies = replies;
  }

  @Transactional(readOnly = true)
  public Page show(String token) {
    return tokens.findValid(token, Purpose.FEEDBACK_ACKNOWLEDGEMENT)
        .flatMap(found -> person(found.targetId()))
        .map(f -> page(f.status() == FeedbackStatus.WAITING ? State.READY : State.ALREADY, f))
        .orElseGet(Page::refused);
  }

  /**
   * Records the acknowledgement (with an optional reply, kept private to the team); a reply gives
   * the coordinators a task to answer it.
   */
  @Transactional
  public Page acknowledge(String token, String reply) {
    return acknowledge(token, reply, null);
  }

  /**
   * Records the acknowledgement, with an optional reply and the person's optional {@code yes} or
   * {@code no} to their words appearing, reworded and without their name, on the public page.
   */
  @Transactional
  public Page acknowledge(String token, String reply, String publicConsent) {
    Boolean consent = consent(publicConsent);
    LinkToken found = tokens.findValid(token, Purpose.FEEDBACK_ACKNOWLEDGEMENT).orElse(null);
    Person person = found == null ? null : person(found.targetId()).orElse(null);
    if (person == null) {
      return Page.refused();
    }
    if (person.status() != FeedbackStatus.WAITING) {
      tokens.markUsed(found.id());
      return page(State.ALREADY, person);
    }
    String checked = ReplyText.checked(reply);
    feedback.acknowledge(person.cycleId(), person.expertRef(), checked);
    feedback.recordPublicConsent(person.cycleId(), person.expertRef(), consent,
        FeedbackAcknowledgementListener.CONTRIBUTOR);
    finishWaitingStep(person);
    replies.afterAcknowledgement(person.cycleId(), person.expertRef(), checked);
    tokens.markUsed(found.id());
    return page(State.DONE, person);
  }

  /**
   * "I can't do this now" or "I'd like to talk to someone" from the link page: a coordinator gets in
   * touch, and the person is thanked. Their feedback stays theirs to read; the link keeps working.
   */
  @Transactional
  public Page stepBack(String token, String choice, String note) {
    StepBackReason reason = StepBackReason.ofFormValue(choice).filter(r -> r != StepBackReason.CARRIED_ON)
        .orElseThrow(() -> new LinkInputException("Please choose \"I can't do this now\" or \"I'd like to talk to someone\"."));
    String checked = ReplyText.checked(note);
    LinkToken found = tokens.findValid(token, Purpose.FEEDBACK_ACKNOWLEDGEMENT).orElse(null);
    Person person = found == null ? null : person(found.targetId()).orElse(null);
    if (person == null) {
      return Page.refused();
    }
    if (person.status() != FeedbackStatus.WAITING) {
      return page(State.ALREADY, person);
    }
    stepBacks.stepBackByLink("feedback-link/" + person.id(), person.cycleId(), TaskKinds.ACKNOWLEDGE_FEEDBACK,
        person.expertRef(), reason, checked);
    return page(State.STEPPED_BACK, person);
  }

  private static Boolean consent(String value) {
    try {
      return PublicConsentField.parse(value);
    } catch (FormInputException problem) {
      throw new LinkInputException(problem.getMessage());
    }
  }

  /** Moves the person's part of the feedback process on, wherever it is waiting. */
  private void finishWaitingStep(Person person) {
    String businessKey = String.valueOf(person.cycleId());
    boolean correlated = !runtime.createMessageCorrelation(ACKNOWLEDGED_MESSAGE)
        .processInstanceBusinessKey(businessKey)
        .localVariableEquals(AWAITING_REF, person.expertRef())
        .correlateAllWithResult().isEmpty();
    if (correlated) {
      return;
    }
    List<Task> open = tasks.createTaskQuery().processDefinitionKey(PROCESS_ID).processInstanceBusinessKey(businessKey)
        .taskDefinitionKeyIn("Activity_AcknowledgeFeedback", "Activity_FollowUpFeedback").list();
    for (Task task : open) {
      if (person.expertRef().equals(tasks.getVariable(task.getId(), CONTRIBUTOR_REF))) {
        VariableMap variables = Variables.createVariables()
            .putValueTyped(ACKNOWLEDGED_BY_LINK, Variables.booleanValue(true, true))
            .putValueTyped(FEEDBACK_READ, Variables.booleanValue(true, true));
        tasks.complete(task.getId(), variables);
      }
    }
  }

  private Optional<Person> person(long feedbackId) {
    Optional<FeedbackRow> row = feedback.findRow(feedbackId);
    return row.flatMap(r -> experts.findById(r.expertId())
        .map(expert -> new Person(r.id(), r.cycleId(), expert.ref(), r.status())));
  }

  private Page page(State state, Person person) {
    return new Page(state, cycles.outline(person.cycleId()).orElse(null),
        contributions.findByCycleAndExpert(person.cycleId(), person.expertRef()));
  }
}
