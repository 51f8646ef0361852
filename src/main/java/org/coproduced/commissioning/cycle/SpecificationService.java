package org.coproduced.commissioning.cycle;

import java.util.List;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.springframework.stereotype.Component;

/**
 * Who reviews the specification, and whether they all approved it: the experts who helped design
 * the service decide together with the commissioner. Used from BPMN expressions.
 */
@Component
public class SpecificationService {

  static final String APPROVE = "approve";
  static final String CHANGES = "changes";
  /** Recorded for a reviewer who stepped back from a round: neither an approval nor an objection. */
  static final String STEPPED_BACK = "stepped-back";

  private final ContributionRepository contributions;
  private final CycleRepository cycles;

  public SpecificationService(ContributionRepository contributions, CycleRepository cycles) {
    this.contributions = contributions;
    this.cycles = cycles;
  }

  /** The experts who contributed to the design sessions of this cycle. */
  public List<String> reviewerRefs(long cycleId) {
    return contributions.contributorRefs(cycleId, "CODESIGN");
  }

  /**
   * True when every reviewer who remains approved this round and nobody asked for changes. Those
   * who stepped back neither approve nor object; if everyone stepped back, nobody approved, and the
   * round is not approved (with no reviewers at all, as before, there is nothing to wait for).
   */
  public boolean allApproved(long cycleId, int round) {
    long reviewers = reviewerRefs(cycleId).size();
    long approvals = cycles.countReviews(cycleId, round, APPROVE);
    return cycles.countReviews(cycleId, round, CHANGES) == 0 && (approvals > 0 || reviewers == 0)
        && approvals + cycles.countReviews(cycleId, round, STEPPED_BACK) == reviewers;
  }
}
