package org.coproduced.commissioning.involvement.contribution;

import java.util.List;
import org.springframework.stereotype.Component;

/** Contribution ids for BPMN expressions, e.g. {@code ${contributionQueries.idsForRequest(analyseRequestId)}}. */
@Component
public class ContributionQueries {

  private final ContributionRepository contributions;

  public ContributionQueries(ContributionRepository contributions) {
    this.contributions = contributions;
  }

  public List<Long> idsForRequest(long requestId) {
    return contributions.idsForRequest(requestId);
  }
}
