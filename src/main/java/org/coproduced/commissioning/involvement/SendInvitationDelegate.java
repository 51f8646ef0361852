package org.coproduced.commissioning.involvement;

import static org.coproduced.commissioning.involvement.InvolvementVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.coproduced.commissioning.experts.ExpertDirectory;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/**
 * Marks an invitation as sent and decides who answers it: the expert in Tasklist, or, for experts
 * who prefer post, phone or email, the coordinators on their behalf.
 */
@Component
public class SendInvitationDelegate implements JavaDelegate {

  private final InvitationRepository invitations;
  private final ExpertDirectory directory;

  public SendInvitationDelegate(InvitationRepository invitations, ExpertDirectory directory) {
    this.invitations = invitations;
    this.directory = directory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Invitation invitation = invitations.get(TaskForm.of(execution).id(INVITATION_ID));
    invitations.markInvited(invitation.id());
    execution.setVariable(INVITEE_USER, directory.tasklistUserOf(invitation.expertRef()));
  }
}
