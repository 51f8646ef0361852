package org.coproduced.commissioning.involvement.matching;

import org.coproduced.commissioning.involvement.InvolvementRequest;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.invitation.Invitation;
import org.coproduced.commissioning.involvement.invitation.InvitationStatus;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import static org.coproduced.commissioning.involvement.InvolvementVariables.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.coproduced.commissioning.experts.Expert;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/**
 * The coordinator confirms the proposal, or changes it: takes experts off, adds others, and says
 * why. Added experts must still be available, with consent and wellbeing check current, no
 * conflict of interest and no other session at the same time; the coordinator may knowingly go
 * beyond the lived experience asked for or the cap of hours. Only then are experts invited.
 */
@Component
public class ExpertConfirmationListener implements TaskListener {

  private final InvitationRepository invitations;
  private final InvolvementRequestRepository requests;
  private final ExpertRepository experts;
  private final MatchingService matching;
  private final ProposalSummary summary;

  public ExpertConfirmationListener(InvitationRepository invitations, InvolvementRequestRepository requests,
      ExpertRepository experts, MatchingService matching, ProposalSummary summary) {
    this.invitations = invitations;
    this.requests = requests;
    this.experts = experts;
    this.matching = matching;
    this.summary = summary;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    form.requireTicked(PROPOSAL_CONFIRMED, "I have checked the proposal");
    String confirmationNotes = form.optionalText(CONFIRMATION_NOTES, "Notes", TaskForm.LONG_TEXT);
    Set<String> remove = refs(form.optionalText(REMOVE_EXPERT_REFS, "Take off the proposal", TaskForm.SHORT_TEXT));
    Set<String> add = refs(form.optionalText(ADD_EXPERT_REFS, "Add to the proposal", TaskForm.SHORT_TEXT));
    String reason = form.optionalText(OVERRIDE_REASON, "Why you changed the proposal", TaskForm.LONG_TEXT);
    long requestId = form.id(REQUEST_ID);
    List<String> notes = new ArrayList<>();

    if (!remove.isEmpty() || !add.isEmpty()) {
      if (reason == null) {
        throw new FormInputException("Please say why you changed the proposal. It is kept as a record of "
            + "fair matching.");
      }
      InvolvementRequest request = requests.get(requestId);
      List<Invitation> current = invitations.findByRequest(requestId);
      for (String ref : remove) {
        Invitation invitation = current.stream()
            .filter(i -> i.expertRef().equals(ref) && i.status() == InvitationStatus.PROPOSED).findFirst()
            .orElseThrow(() -> new FormInputException(ref + " is not on the proposal, so cannot be taken off."));
        invitations.remove(requestId, invitation.expertId());
      }
      for (String ref : add) {
        notes.addAll(add(request, ref, current, remove));
      }
      requests.recordOverride(requestId, reason, currentUser(task));
    }
    if (invitations.idsByRequestAndStatus(requestId, InvitationStatus.PROPOSED).isEmpty()
        && invitations.idsByRequestAndStatus(requestId, InvitationStatus.CONFIRMED).isEmpty()) {
      throw new FormInputException("Nobody is proposed for this session. Add experts to the pool, add someone "
          + "by reference, or ask the commissioner for another date, before confirming.");
    }
    invitations.setStatusForRequest(requestId, InvitationStatus.PROPOSED, InvitationStatus.CONFIRMED);
    // Notes about people stay in the application's tables; the engine's copy is removed on completion.
    requests.recordConfirmationNotes(requestId, confirmationNotes);
    summary.write(task, requestId, notes);
  }

  private List<String> add(InvolvementRequest request, String ref, List<Invitation> current, Set<String> removed) {
    Expert expert = experts.findByRef(ref).filter(e -> !e.erased())
        .orElseThrow(() -> new FormInputException("There is no expert " + ref + " in the pool."));
    boolean onProposal = current.stream().anyMatch(i -> i.expertRef().equals(ref)
        && i.status().isProposedOrConfirmed());
    if (onProposal && !removed.contains(ref)) {
      throw new FormInputException(ref + " is already on the proposal.");
    }
    MatchingRules.Verdict verdict = matching.checkAddition(request, expert);
    List<String> notes = new ArrayList<>();
    if (verdict == MatchingRules.Verdict.AT_CAP) {
      notes.add(ref + " was added beyond the limit of " + matching.capHours() + " hours in 90 days.");
    } else if (verdict != MatchingRules.Verdict.ELIGIBLE) {
      throw new FormInputException(ref + " cannot be added: this expert " + verdict.reason() + ".");
    }
    boolean relevant = request.livedExperience().isEmpty()
        || expert.livedExperience().stream().anyMatch(request.livedExperience()::contains);
    if (!relevant) {
      notes.add(ref + " was added without the lived experience asked for.");
    }
    invitations.addByCoordinator(request.id(), expert.id());
    return notes;
  }

  /** References typed by a person: "ex-0003, EX-0007" or one per line. */
  static Set<String> refs(String typed) {
    Set<String> refs = new LinkedHashSet<>();
    if (typed == null) {
      return refs;
    }
    for (String part : Arrays.stream(typed.split("[,;\\s]+")).filter(p -> !p.isBlank()).toList()) {
      String ref = part.trim().toUpperCase(Locale.ROOT);
      if (!ref.matches("EX-\\d{4,}")) {
        throw new FormInputException("\"" + part.trim() + "\" is not an expert reference. References look like "
            + "EX-0012; separate them with commas.");
      }
      refs.add(ref);
    }
    return refs;
  }

  private static String currentUser(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
