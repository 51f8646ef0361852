package org.coproduced.commissioning.involvement.invitation;

import static org.coproduced.commissioning.involvement.InvolvementVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.coproduced.commissioning.experts.ExpertDirectory;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.experts.ExpertContacts;
import org.coproduced.commissioning.notification.MessageQueue;
import org.coproduced.commissioning.notification.Recipient;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.springframework.stereotype.Component;

/**
 * Marks an invitation as sent and decides who answers it: the expert in Tasklist, or the
 * coordinators on their behalf. Experts who read email (by choice, or as well as Tasklist) get
 * the invitation with its preparation pack and links to answer; the coordinators reach the
 * others by post or phone.
 */
@Component
public class SendInvitationDelegate implements JavaDelegate {

  private final InvitationRepository invitations;
  private final InvolvementRequestRepository requests;
  private final ExpertDirectory directory;
  private final ExpertContacts contacts;
  private final MessageQueue messages;

  public SendInvitationDelegate(InvitationRepository invitations, ExpertDirectory directory, ExpertContacts contacts,
      MessageQueue messages, InvolvementRequestRepository requests) {
    this.requests = requests;
    this.invitations = invitations;
    this.directory = directory;
    this.contacts = contacts;
    this.messages = messages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Invitation invitation = invitations.get(TaskForm.of(execution).id(INVITATION_ID));
    invitations.markInvited(invitation.id());
    execution.setVariable(INVITEE_USER, directory.tasklistUserOf(invitation.expertRef()));
    if (contacts.emailReaches(invitation.expertRef())) {
      // After the session moved, its number of changes too: the new invitation says what changed.
      messages.queue(SessionNews.key("invitation", invitation, requests.sessionChanges(invitation.requestId())),
          Recipient.expert(invitation.expertRef()), InvitationMessage.invitation(invitation.id()));
    }
  }
}
