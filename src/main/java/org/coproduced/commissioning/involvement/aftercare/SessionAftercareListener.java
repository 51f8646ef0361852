package org.coproduced.commissioning.involvement.aftercare;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.coproduced.commissioning.involvement.InvolvementVariables;
import org.coproduced.commissioning.involvement.invitation.Invitation;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;

/**
 * When a coordinator has recorded that an expert took part in a session (one task of
 * {@code Activity_RecordContribution}), starts that expert's aftercare. Installed by
 * {@link SessionAftercarePlugin} on every version of {@code involvement-request}.
 */
public class SessionAftercareListener implements ExecutionListener {

  private final InvitationRepository invitations;
  private final SessionAftercare aftercare;

  public SessionAftercareListener(InvitationRepository invitations, SessionAftercare aftercare) {
    this.invitations = invitations;
    this.aftercare = aftercare;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution instanceof ExecutionEntity entity && (entity.isCanceled() || entity.getDeleteReason() != null)) {
      return; // the recording was cut short (the cycle stopped): nobody's attendance was recorded here
    }
    if (!(execution.getVariable(InvolvementVariables.INVITATION_ID) instanceof Number id)) {
      return;
    }
    if (invitations.attended(id.longValue())) {
      Invitation invitation = invitations.get(id.longValue());
      aftercare.afterSession(invitation);
    }
  }
}
