package org.coproduced.commissioning.involvement.peerresearch;

import java.util.Optional;
import org.coproduced.commissioning.experts.ExpertContacts;
import org.coproduced.commissioning.experts.ExpertContacts.ExpertContact;
import org.coproduced.commissioning.involvement.invitation.CallOffRoute;
import org.coproduced.commissioning.involvement.invitation.Invitation;
import org.coproduced.commissioning.involvement.invitation.InvitationStatus;
import org.coproduced.commissioning.involvement.invitation.SessionNews;
import org.coproduced.commissioning.involvement.invitation.SessionNewsMessage;
import org.coproduced.commissioning.involvement.peerresearch.PeerResearchRepository.Gathered;
import org.springframework.stereotype.Component;

/**
 * When a request with peer research is called off (its cycle stopped, it was deleted, or its
 * session cancelled), peer researchers hear that the peer research is no longer needed, why, and
 * that the hours they already spent are paid: a coordinator asks each one who said yes how many
 * hours that was and records them ({@link PeerResearchStoppedListener}). Someone who had already
 * recorded what they gathered is told nothing: they are paid, and their views go on to feedback.
 */
@Component
public class PeerResearchCallOff implements CallOffRoute {

  /** The kind of news: by email, or a coordinator task of process {@code session-news}. */
  public static final String CALLED_OFF = "PEER_RESEARCH_CALLED_OFF";

  private final PeerResearchRepository peerResearch;
  private final SessionNews news;
  private final ExpertContacts contacts;

  public PeerResearchCallOff(PeerResearchRepository peerResearch, SessionNews news, ExpertContacts contacts) {
    this.peerResearch = peerResearch;
    this.news = news;
    this.contacts = contacts;
  }

  @Override
  public boolean tellCalledOff(Invitation invitation) {
    Optional<Gathered> researcher = peerResearch.gathered(invitation.id());
    boolean askedOnlyToGatherViews = invitation.status() == InvitationStatus.INVITED
        && peerResearch.ask(invitation.requestId()).map(ask -> !ask.sessionToo()).orElse(false);
    if (researcher.isEmpty() && !askedOnlyToGatherViews) {
      return false; // they were asked to a session
    }
    if (researcher.map(gathered -> gathered.hoursSpent() != null).orElse(false)) {
      return true; // already recorded and paid: what they gathered goes on to feedback
    }
    SessionNewsMessage calledOff = new SessionNewsMessage(CALLED_OFF, invitation.id());
    news.tell(invitation, calledOff);
    boolean byEmail = contacts.expert(invitation.expertRef()).map(ExpertContact::reachableByEmail).orElse(false);
    if (researcher.isPresent() && byEmail) {
      // People told by email hear from a coordinator too (post and phone people already do): a coordinator asks the hours they had spent, so they are paid for them.
      news.askCoordinatorsToTell(invitation, calledOff);
    }
    return true;
  }
}
