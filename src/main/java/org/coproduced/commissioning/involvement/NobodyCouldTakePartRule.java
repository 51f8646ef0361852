package org.coproduced.commissioning.involvement;

import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.involvement.matching.MatchingService;
import org.springframework.stereotype.Component;

/**
 * When a coordinator may close a gate with "nobody can take part": only once experts have been
 * asked for this request and none could come, or when nobody in the pool could be asked at all.
 * Otherwise the gate would pass without anyone being asked, which is the one thing the gate is
 * there to prevent.
 */
@Component
public class NobodyCouldTakePartRule {

  private final InvitationRepository invitations;
  private final MatchingService matching;

  public NobodyCouldTakePartRule(InvitationRepository invitations, MatchingService matching) {
    this.invitations = invitations;
    this.matching = matching;
  }

  /** Refuses, with what to do instead, while experts could still be asked. */
  public void check(InvolvementRequest request) {
    if (!invitations.expertIdsAsked(request.id()).isEmpty()) {
      return; // experts were asked in an earlier round, and nobody could come
    }
    int couldBeAsked = matching.eligible(request).size();
    if (couldBeAsked > 0) {
      throw new FormInputException((couldBeAsked == 1 ? "1 expert in the pool could"
          : couldBeAsked + " experts in the pool could") + " take part in this session, and nobody has been asked yet. "
          + "Please accept the request so they are invited. If nobody can come, the request comes back to you, "
          + "and you can close it then and say why.");
    }
  }
}
