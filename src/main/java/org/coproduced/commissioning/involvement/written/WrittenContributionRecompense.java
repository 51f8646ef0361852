package org.coproduced.commissioning.involvement.written;

import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.involvement.InvolvementRequest;
import org.coproduced.commissioning.involvement.recompense.WorkRecorder;
import org.coproduced.commissioning.involvement.written.WrittenContributionRepository.Offer;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.stereotype.Component;

/**
 * Thoughts sent instead of coming are work like a review of the specification: the ledger records
 * {@code coproduction.recompense.written-contribution-hours} at the hourly rate, in the form the
 * expert chose (or nothing, if they chose none), and the hours count towards the limit in matching.
 */
@Component
public class WrittenContributionRecompense {

  private final WorkRecorder work;
  private final ExpertRepository experts;

  public WrittenContributionRecompense(WorkRecorder work, ExpertRepository experts) {
    this.work = work;
    this.experts = experts;
  }

  void owed(Offer offer, InvolvementRequest request) {
    String ref = experts.findById(offer.expertId()).orElseThrow().ref();
    work.recordWrittenContribution(request.cycleId(), request.id(), ref, ProcessClock.today());
  }
}
