package org.coproduced.commissioning.publication;

import java.time.Instant;
import java.util.Map;

/**
 * A cycle's public summary in the wording staff wrote for it, with each contribution's public
 * wording by contribution id. It holds no name and no reference.
 */
public record PublicSummary(long id, long cycleId, PublicSummaryStatus status, String title, String purpose,
    String draftedBy, Instant draftedAt, String approvedBy, Instant approvedAt, Instant publishedAt,
    Map<Long, PublicWording> wordings) {

  /** One contribution in public words: what was said, what changed and why. */
  public record PublicWording(String said, String whatChanged, String whyDecided) {}
}
