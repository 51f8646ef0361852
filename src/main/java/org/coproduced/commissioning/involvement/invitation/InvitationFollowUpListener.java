package org.coproduced.commissioning.involvement.invitation;

import static org.coproduced.commissioning.involvement.InvolvementVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.involvement.peerresearch.PeerResearchRoles;
import org.coproduced.commissioning.involvement.peerresearch.PeerResearchVariables;
import org.springframework.stereotype.Component;

/**
 * Records the answer a coordinator got by contacting an expert who had not replied, with what the
 * expert needs to take part (kept out of the engine); a yes is confirmed, and a yes with something
 * to arrange gives the coordinators a task ({@link AccessArrangements}).
 */
@Component
public class InvitationFollowUpListener implements TaskListener {

  private final InvitationRepository invitations;
  private final SessionConfirmations confirmations;
  private final AccessArrangements arrangements;

  private final PeerResearchRoles roles;

  public InvitationFollowUpListener(PeerResearchRoles roles, InvitationRepository invitations, SessionConfirmations confirmations,
      AccessArrangements arrangements) {
    this.invitations = invitations;
    this.confirmations = confirmations;
    this.arrangements = arrangements;
    this.roles = roles;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    String method = form.requiredChoice(CONTACT_METHOD, "How you contacted them", "phone", "post", "in-person", "email");
    String answer = form.requiredChoice(INVITATION_ANSWER, "Their answer",
        InvitationAnswerListener.ACCEPT, InvitationAnswerListener.DECLINE);
    String notes = form.optionalText(FOLLOW_UP_NOTES, "Notes", TaskForm.LONG_TEXT);
    String accessNeeds = form.takePrivateText(PRIVATE_ACCESS_NEEDS, "What they need to take part", TaskForm.LONG_TEXT);
    long invitationId = form.id(INVITATION_ID);
    boolean accepted = InvitationAnswerListener.ACCEPT.equals(answer);
    invitations.recordAnswer(invitationId, accepted, method, accessNeeds);
    // Notes about a person stay in the application's tables; the engine's copy is removed on completion.
    invitations.recordFollowUpNotes(invitationId, notes);
    roles.afterAnswer(invitationId, accepted,
        form.optionalText(PeerResearchVariables.TAKE_PART_AS, "How they would like to take part", TaskForm.SHORT_TEXT));
    confirmations.answered(invitationId);
    arrangements.afterAnswer(invitationId);
  }
}
