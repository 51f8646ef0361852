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

  /** True when every reviewer approved this round and nobody asked for changes. */
  public boolean allApproved(long cycleId, int round) {
    long reviewers = reviewerRefs(cycleId).size();
    return cycles.countReviews(cycleId, round, CHANGES) == 0
        && cycles.countReviews(cycleId, round, APPROVE) == reviewers;
  }
}
