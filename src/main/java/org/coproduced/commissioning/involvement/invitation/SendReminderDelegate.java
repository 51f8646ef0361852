package org.coproduced.commissioning.involvement.invitation;

import static org.coproduced.commissioning.involvement.InvolvementVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.experts.ExpertContacts;
import org.coproduced.commissioning.notification.MessageQueue;
import org.coproduced.commissioning.notification.Recipient;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.springframework.stereotype.Component;

/**
 * Reminds an expert of an invitation they have not answered, by email with the links to answer.
 * Experts who prefer post or phone already have the coordinators answering for them. If the
 * reminder gets no answer either, the model's follow-up timer hands the invitation to the
 * coordinators, who are told by email ({@code notification.TaskNotices}).
 */
@Component
public class SendReminderDelegate implements JavaDelegate {

  private final InvitationRepository invitations;
  private final InvolvementRequestRepository requests;
  private final ExpertContacts contacts;
  private final MessageQueue messages;

  public SendReminderDelegate(InvitationRepository invitations, ExpertContacts contacts, MessageQueue messages,
      InvolvementRequestRepository requests) {
    this.requests = requests;
    this.invitations = invitations;
    this.contacts = contacts;
    this.messages = messages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Invitation invitation = invitations.get(TaskForm.of(execution).id(INVITATION_ID));
    if (invitation.status() == InvitationStatus.INVITED && contacts.emailReaches(invitation.expertRef())) {
      messages.queue(SessionNews.key("reminder", invitation, requests.sessionChanges(invitation.requestId())),
          Recipient.expert(invitation.expertRef()), InvitationMessage.reminder(invitation.id()));
    }
  }
}
