package org.coproduced.commissioning.involvement.peerresearch;

import static org.coproduced.commissioning.involvement.InvolvementVariables.EXPERT_REF;
import static org.coproduced.commissioning.involvement.InvolvementVariables.INVITATION_ID;
import static org.coproduced.commissioning.involvement.peerresearch.PeerResearchVariables.*;

import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.experts.ExpertDirectory;
import org.coproduced.commissioning.forms.FormText;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.involvement.invitation.Invitation;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.notification.MessageContent;
import org.springframework.stereotype.Component;

/**
 * When a "record what people told you" task is created: it goes to the peer researcher in
 * Tasklist, or to the coordinators, who take it down by phone or post for people who do not use
 * Tasklist; it is due on the date views are gathered by, and shows what to ask about.
 */
@Component
public class PeerResearchTaskListener implements TaskListener {

  private final InvitationRepository invitations;
  private final PeerResearchRepository peerResearch;
  private final ExpertDirectory directory;

  public PeerResearchTaskListener(InvitationRepository invitations, PeerResearchRepository peerResearch,
      ExpertDirectory directory) {
    this.invitations = invitations;
    this.peerResearch = peerResearch;
    this.directory = directory;
  }

  @Override
  public void notify(DelegateTask task) {
    Invitation invitation = invitations.get(TaskForm.of(task).id(INVITATION_ID));
    // Local to the task's execution, where the task's input parameter declares it: one per researcher.
    task.getExecution().setVariableLocal(EXPERT_REF, invitation.expertRef());
    String user = directory.tasklistUserOf(invitation.expertRef());
    if (user != null) {
      task.setAssignee(user);
    }
    peerResearch.ask(invitation.requestId()).ifPresent(ask -> {
      task.setDueDate(Date.from(ask.gatheredBy().atTime(17, 0).atZone(ZoneId.systemDefault()).toInstant()));
      task.setVariableLocal(WHAT_TO_ASK, FormText.literal(ask.whatToAsk()));
      task.setVariableLocal(GATHERED_BY, MessageContent.DAY.format(ask.gatheredBy()));
    });
  }
}
