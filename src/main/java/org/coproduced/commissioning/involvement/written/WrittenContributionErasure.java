package org.coproduced.commissioning.involvement.written;

import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.involvement.contribution.ContributionRoute;
import org.coproduced.commissioning.records.ExpertRecords;
import org.springframework.stereotype.Component;

/**
 * When an expert's personal data is erased: what they sent in writing (or a coordinator took down
 * from them) is replaced by a note that it was erased, and any offer still open is closed, so
 * nobody asks them again. Words said at a session stay, as {@code ExpertErasure} explains: a
 * coordinator noted them at the session, where initials only are used. A letter or message in a
 * person's own hand may sign itself or tell things that say who they are, so it goes; the
 * contribution, the council's answer to it and the count stay, so the cycle still reads correctly.
 */
@Component
public class WrittenContributionErasure implements ExpertRecords {

  static final String ERASED = "(Erased at the person's request. The council's answer to it is kept.)";

  private final ContributionRepository contributions;
  private final WrittenContributions written;

  public WrittenContributionErasure(ContributionRepository contributions, WrittenContributions written) {
    this.contributions = contributions;
    this.written = written;
  }

  @Override
  public void eraseExpert(long expertId, Erasure erasure) {
    contributions.replaceWordsOf(expertId, ContributionRoute.WRITTEN, ERASED);
    written.closeForExpert(expertId);
  }
}
