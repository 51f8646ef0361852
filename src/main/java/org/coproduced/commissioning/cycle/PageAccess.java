package org.coproduced.commissioning.cycle;

import org.coproduced.commissioning.web.PageException;
import org.coproduced.commissioning.web.WebUser;
import org.coproduced.commissioning.access.AccessGroups;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.springframework.stereotype.Component;

/** Who may read what on the application's pages: staff see their work, experts their own part. */
@Component
public class PageAccess {

  private final ContributionRepository contributions;
  private final CycleRepository cycles;
  private final org.coproduced.commissioning.experts.ExpertRepository experts;

  public PageAccess(ContributionRepository contributions, CycleRepository cycles,
      org.coproduced.commissioning.experts.ExpertRepository experts) {
    this.contributions = contributions;
    this.cycles = cycles;
    this.experts = experts;
  }

  /** The expert reference of a signed-in expert, if they have one. */
  public String expertRefOf(WebUser user) {
    return experts.findByTasklistUser(user.userId()).map(e -> e.ref()).orElse(null);
  }

  /** Staff, or an expert who contributed to this cycle. */
  public void requireStaffOrContributor(WebUser user, long cycleId) {
    requireCycle(cycleId);
    if (user.isIn(AccessGroups.STAFF)) {
      return;
    }
    String ref = expertRefOf(user);
    if (ref == null || contributions.findByCycleAndExpert(cycleId, ref).isEmpty()) {
      throw PageException.forbidden();
    }
  }

  public void requireCycle(long cycleId) {
    if (cycles.findById(cycleId).isEmpty()) {
      throw PageException.notFound("that commissioning cycle");
    }
  }
}
