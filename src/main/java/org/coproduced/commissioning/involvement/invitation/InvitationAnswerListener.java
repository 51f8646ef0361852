package org.coproduced.commissioning.involvement.invitation;

import static org.coproduced.commissioning.involvement.InvolvementVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.involvement.peerresearch.PeerResearchRoles;
import org.coproduced.commissioning.involvement.peerresearch.PeerResearchVariables;
import org.springframework.stereotype.Component;

/**
 * Records an expert's answer to their invitation, given in Tasklist by them or by a coordinator on
 * their behalf, and confirms a yes at once; their access needs stay out of the engine. A yes with
 * something to arrange gives the coordinators a task ({@link AccessArrangements}).
 */
@Component
public class InvitationAnswerListener implements TaskListener {

  static final String ACCEPT = "accept";
  static final String DECLINE = "decline";

  private final InvitationRepository invitations;
  private final SessionConfirmations confirmations;
  private final AccessArrangements arrangements;
  private final PeerResearchRoles roles;

  public InvitationAnswerListener(InvitationRepository invitations, SessionConfirmations confirmations,
      AccessArrangements arrangements, PeerResearchRoles roles) {
    this.roles = roles;
    this.invitations = invitations;
    this.confirmations = confirmations;
    this.arrangements = arrangements;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    String accessNeeds = form.takePrivateText(PRIVATE_ACCESS_NEEDS, "What you need to take part", TaskForm.LONG_TEXT);
    String answer = form.requiredChoice(INVITATION_ANSWER, "Your answer", ACCEPT, DECLINE);
    String via = task.getAssignee() != null && task.getAssignee().equals(task.getVariable(INVITEE_USER))
        ? "tasklist" : "coordinator";
    long invitationId = form.id(INVITATION_ID);
    invitations.recordAnswer(invitationId, ACCEPT.equals(answer), via, accessNeeds);
    roles.afterAnswer(invitationId, ACCEPT.equals(answer),
        form.optionalText(PeerResearchVariables.TAKE_PART_AS, "How you would like to take part", TaskForm.SHORT_TEXT));
    confirmations.answered(invitationId);
    arrangements.afterAnswer(invitationId);
  }
}
