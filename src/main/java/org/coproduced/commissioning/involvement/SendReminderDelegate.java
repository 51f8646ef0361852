package org.coproduced.commissioning.involvement;

import static org.coproduced.commissioning.involvement.InvolvementVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.coproduced.commissioning.forms.TaskForm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reminds an expert of an invitation they have not answered. The reminder itself goes out through
 * the expert's channel; until mail delivery exists the coordinator follow-up covers everyone.
 */
@Component
public class SendReminderDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(SendReminderDelegate.class);

  private final InvitationRepository invitations;

  public SendReminderDelegate(InvitationRepository invitations) {
    this.invitations = invitations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Invitation invitation = invitations.get(TaskForm.of(execution).id(INVITATION_ID));
    LOG.info("Invitation {} of {} is still unanswered: reminder due", invitation.id(), invitation.expertRef());
  }
}
