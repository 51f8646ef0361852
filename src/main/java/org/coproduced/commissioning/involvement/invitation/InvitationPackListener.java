package org.coproduced.commissioning.involvement.invitation;

import static org.coproduced.commissioning.involvement.InvolvementVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.involvement.invitation.InvitationPack.Sentences;
import org.coproduced.commissioning.involvement.peerresearch.PeerResearchVariables;
import org.springframework.stereotype.Component;

/**
 * Puts the invitation pack on an expert's *Answer an invitation* task, so Tasklist shows what the
 * email shows: why the cycle involves experts, its timeline, their part (newcomer or buddy), what
 * to prepare and the offer. Task-local, and none of it is an expert's words.
 */
@Component
public class InvitationPackListener implements TaskListener {

  private final InvitationFacts facts;
  private final InvitationPack packs;

  public InvitationPackListener(InvitationFacts facts, InvitationPack packs) {
    this.facts = facts;
    this.packs = packs;
  }

  @Override
  public void notify(DelegateTask task) {
    long invitationId = TaskForm.of(task).id(INVITATION_ID);
    Sentences pack = packs.sentences(packs.of(facts.find(invitationId).orElseThrow()));
    // The form asks how they take part only when the request has both a session and peer research.
    task.setVariableLocal(PeerResearchVariables.CHOOSES_HOW, pack.choosesHow());
    task.setVariableLocal(PeerResearchVariables.PEER_RESEARCH_ONLY, pack.peerResearchOnly());
    task.setVariableLocal(CYCLE_PURPOSE, pack.purpose());
    task.setVariableLocal(CYCLE_TIMELINE, pack.timeline());
    task.setVariableLocal(ROLE_NOTE, pack.roleNote());
    task.setVariableLocal(WHAT_WE_WOULD_LIKE, pack.whatWeWouldLike());
    task.setVariableLocal(INVITATION_OFFER, pack.recompenseOffer());
  }
}
