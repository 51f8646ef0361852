package org.coproduced.commissioning.audit;

import java.util.List;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.cycle.CycleRepository.Mediation;
import org.coproduced.commissioning.cycle.CycleRepository.SpecificationReview;
import org.coproduced.commissioning.procurement.AwardSteps;
import org.coproduced.commissioning.procurement.AwardSteps.Step;
import org.coproduced.commissioning.procurement.ProcurementRepository;
import org.coproduced.commissioning.procurement.ProcurementRepository.Award;
import org.coproduced.commissioning.procurement.ProcurementRepository.Declaration;
import org.coproduced.commissioning.procurement.ProcurementRepository.EvaluatorScore;
import org.coproduced.commissioning.procurement.ProcurementRepository.ModeratedBid;
import org.coproduced.commissioning.publication.PublicEvent;
import org.coproduced.commissioning.publication.PublicSummaries;
import org.springframework.stereotype.Component;

/**
 * The decisions a cycle took with experts, for auditors: specification reviews and mediation
 * (from the cycle), declarations of interest, bids, scores and the award (from procurement), and
 * who drafted, approved, published, changed or withdrew the cycle's public page (from publication).
 */
@Component
public class CycleDecisions {

  private final CycleRepository cycles;
  private final ProcurementRepository procurement;
  private final PublicSummaries publicSummaries;

  private final AwardSteps awardSteps;

  public CycleDecisions(CycleRepository cycles, ProcurementRepository procurement, PublicSummaries publicSummaries,
      AwardSteps awardSteps) {
    this.awardSteps = awardSteps;
    this.cycles = cycles;
    this.procurement = procurement;
    this.publicSummaries = publicSummaries;
  }

  public Decisions of(long cycleId) {
    return new Decisions(cycles.specificationReviews(cycleId), cycles.mediationMeetings(cycleId),
        procurement.declarations(cycleId), procurement.moderatedBids(cycleId), procurement.evaluatorScores(cycleId),
        procurement.award(cycleId).orElse(null), awardSteps.steps(cycleId), publicSummaries.events(cycleId));
  }

  /**
   * Everything decided in one cycle; {@code award} is null before a tender is published.
   * {@code procurementSteps} are the Procurement Act steps of its tender, each with its date and reference.
   */
  public record Decisions(List<SpecificationReview> specificationReviews, List<Mediation> mediationMeetings,
      List<Declaration> interestDeclarations, List<ModeratedBid> bids, List<EvaluatorScore> scores, Award award,
      List<Step> procurementSteps, List<PublicEvent> publicPage) {}
}
