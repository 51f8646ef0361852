package org.coproduced.commissioning.feedback;

import java.util.List;
import org.coproduced.commissioning.involvement.Contribution;
import org.coproduced.commissioning.involvement.ContributionRepository;
import org.springframework.stereotype.Component;

/** Read-only answers for the feedback model's expressions, e.g. {@code ${feedbackQueries.contributorRefs(cycleId)}}. */
@Component
public class FeedbackQueries {

  private final ContributionRepository contributions;

  public FeedbackQueries(ContributionRepository contributions) {
    this.contributions = contributions;
  }

  /** Contributions still without an answer, or whose answer the coordinator asked to reword. */
  public List<Long> contributionIdsToAnswer(long cycleId) {
    return contributions.idsToAnswer(cycleId);
  }

  public String contributionRef(long contributionId) {
    return Contribution.refOf(contributionId);
  }

  /** Everyone who contributed to the cycle, each once. */
  public List<String> contributorRefs(long cycleId) {
    return contributions.contributorRefs(cycleId, null);
  }
}
