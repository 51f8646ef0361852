package org.coproduced.commissioning.involvement.peerresearch;

import static org.coproduced.commissioning.involvement.InvolvementVariables.EXPENSES_APPROVED;
import static org.coproduced.commissioning.involvement.invitation.SessionNewsVariables.INVITATION_ID;
import static org.coproduced.commissioning.involvement.invitation.SessionNewsVariables.NEWS;
import static org.coproduced.commissioning.involvement.peerresearch.PeerResearchVariables.HOURS_SPENT;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.involvement.InvolvementRequest;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.invitation.Invitation;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository.Expenses;
import org.coproduced.commissioning.involvement.recompense.WorkRecorder;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.stereotype.Component;

/**
 * When the peer research stopped before a peer researcher recorded what they gathered, the
 * coordinator who tells them (task {@code Activity_TellExpert} of {@code session-news}) records
 * the hours they had already spent and what they paid out, and the ledger pays them, as if they
 * had recorded it themselves with nobody heard from. Other news on that task records nothing.
 */
@Component
public class PeerResearchStoppedListener implements TaskListener {

  private final InvitationRepository invitations;
  private final InvolvementRequestRepository requests;
  private final PeerResearchRepository peerResearch;
  private final WorkRecorder work;

  public PeerResearchStoppedListener(InvitationRepository invitations, InvolvementRequestRepository requests,
      PeerResearchRepository peerResearch, WorkRecorder work) {
    this.invitations = invitations;
    this.requests = requests;
    this.peerResearch = peerResearch;
    this.work = work;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!PeerResearchCallOff.CALLED_OFF.equals(task.getVariable(NEWS))) {
      return;
    }
    TaskForm form = TaskForm.of(task);
    int hours = form.requiredWholeNumber(HOURS_SPENT, "Hours they had spent", 0, PeerResearchRecordListener.MOST_HOURS);
    Expenses expenses = PeerResearchExpenses.read(form);
    if (expenses.total().signum() > 0 && !form.isTicked(EXPENSES_APPROVED)) {
      throw new FormInputException("Please check the expenses and tick \"I approve these expenses\", "
          + "or leave the amounts empty.");
    }
    if (hours == 0 && expenses.total().signum() == 0) {
      return; // they had not started: nothing to pay
    }
    Invitation invitation = invitations.get(form.id(INVITATION_ID));
    String by = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null
        ? null : task.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
    peerResearch.addResearcher(invitation.id(), invitation.requestId(), invitation.expertId());
    if (!peerResearch.recordGathered(invitation.id(), 0, hours, by)) {
      return; // recorded already: nothing twice
    }
    InvolvementRequest request = requests.get(invitation.requestId());
    work.recordPeerResearch(request.id(), request.cycleId(), invitation.expertId(), hours, expenses, by,
        ProcessClock.today());
  }
}
