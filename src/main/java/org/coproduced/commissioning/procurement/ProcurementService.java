package org.coproduced.commissioning.procurement;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.coproduced.commissioning.experts.ExpertDirectory;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.stepback.ExpertTaskProperties;
import org.coproduced.commissioning.stepback.StepBacks;
import org.springframework.stereotype.Component;

/**
 * Who evaluates the bids and what each evaluator scores. The panel is the commissioner (an
 * officer) and every expert who joined the evaluation session. The model's expressions read the
 * panel and the bids from here; listeners give the forms the bid's name and scores.
 */
@Component
public class ProcurementService {

  static final String OFFICER_PREFIX = "officer:";

  private final ProcurementRepository procurement;
  private final ContributionRepository contributions;
  private final ExpertDirectory directory;
  private final StepBacks stepBacks;
  private final PanelChangeRepository panelChanges;

  public ProcurementService(ProcurementRepository procurement, ContributionRepository contributions,
      ExpertDirectory directory, StepBacks stepBacks, PanelChangeRepository panelChanges) {
    this.procurement = procurement;
    this.contributions = contributions;
    this.directory = directory;
    this.stepBacks = stepBacks;
    this.panelChanges = panelChanges;
  }

  /**
   * The evaluation panel: the commissioner, then the experts who joined the evaluation session, then
   * anyone a coordinator added to the running panel after someone stepped back ({@link ScoringPanel}).
   */
  public List<String> evaluatorRefs(long cycleId, String commissioner) {
    List<String> refs = new ArrayList<>();
    refs.add(OFFICER_PREFIX + commissioner);
    refs.addAll(panelExpertRefs(cycleId));
    return refs;
  }

  /** The experts on the panel: those who joined the evaluation session, then those added to it later. */
  public List<String> panelExpertRefs(long cycleId) {
    List<String> refs = new ArrayList<>(contributions.contributorRefs(cycleId, "EVALUATION"));
    panelChanges.added(cycleId).stream().filter(ref -> !refs.contains(ref)).forEach(refs::add);
    return refs;
  }

  /** The Tasklist user who does an evaluator's tasks, or {@code null} for coordinators to help. */
  public String userOfEvaluator(String evaluatorRef) {
    if (evaluatorRef.startsWith(OFFICER_PREFIX)) {
      return evaluatorRef.substring(OFFICER_PREFIX.length());
    }
    return directory.tasklistUserOf(evaluatorRef);
  }

  /**
   * The bids this evaluator may score: all but those they declared a conflict of interest with; none
   * if they stepped back instead of declaring (their scoring is skipped, the panel goes on).
   */
  public List<Long> bidsToScore(long cycleId, String evaluatorRef) {
    if (stepBacks.steppedBack(cycleId, ExpertTaskProperties.DECLARE_INTERESTS).contains(evaluatorRef)) {
      return List.of();
    }
    List<Long> conflicted = procurement.conflictedBidIds(cycleId, evaluatorRef);
    return bidIds(cycleId).stream().filter(id -> !conflicted.contains(id)).toList();
  }

  /**
   * Whether this panel member said "not sure" about a conflict of interest and has not yet talked it
   * through with a coordinator: their scoring waits (the gateway after {@code Activity_DeclareInterests}).
   */
  public boolean unsureAboutConflict(long cycleId, String evaluatorRef) {
    return procurement.isUnsure(cycleId, evaluatorRef);
  }

  public List<Long> bidIds(long cycleId) {
    return procurement.bids(cycleId).stream().map(Bid::id).toList();
  }

  /** A recorded bid: its number in the cycle ("bid 2") and its bidder, as task names show them. */
  public Bid bid(long bidId) {
    return procurement.bid(bidId);
  }

  /**
   * The bidder's name, for the score-bid and moderate-scores forms.
   *
   * <p>Instances of the commissioning-cycle model released in 0.1.0 (version tag 1) call this from
   * an expression, {@code procurementService.bidName(bidId)}: keep its name and
   * parameters until none of those instances runs (migrated or finished). Then only
   * {@link BidNameListener} calls it.
   */
  public String bidName(long bidId) {
    return procurement.bid(bidId).bidderName();
  }

  /**
   * Every evaluator's scores for a bid and the average, for the moderation meeting.
   *
   * <p>Instances of the commissioning-cycle model released in 0.1.0 (version tag 1) call this from
   * an expression, {@code procurementService.scoreSummary(bidId)}: keep its name and
   * parameters until none of those instances runs (migrated or finished). Then only
   * {@link ScoreSummaryListener} calls it.
   */
  public String scoreSummary(long bidId) {
    List<ProcurementRepository.EvaluatorScores> all = procurement.scores(bidId);
    if (all.isEmpty()) {
      return "Nobody scored this bid (everyone declared a conflict of interest or stepped back).";
    }
    String lines = all.stream()
        .map(e -> e.evaluatorRef().replace(OFFICER_PREFIX, "officer ") + ": quality " + e.scores().quality()
            + ", coproduction " + e.scores().coproduction() + ", social value " + e.scores().socialValue()
            + ", price " + e.scores().price())
        .collect(Collectors.joining("\n"));
    return lines + String.format("%nAverage: quality %.1f, coproduction %.1f, social value %.1f, price %.1f",
        all.stream().mapToInt(e -> e.scores().quality()).average().orElse(0),
        all.stream().mapToInt(e -> e.scores().coproduction()).average().orElse(0),
        all.stream().mapToInt(e -> e.scores().socialValue()).average().orElse(0),
        all.stream().mapToInt(e -> e.scores().price()).average().orElse(0)) + notScored(bidId, all);
  }

  /** Who on the panel left no score for this bid because they stepped back: the average is of the others. */
  private String notScored(long bidId, List<ProcurementRepository.EvaluatorScores> scored) {
    List<String> scorers = scored.stream().map(ProcurementRepository.EvaluatorScores::evaluatorRef).toList();
    List<String> missing = stepBacks.steppedBack(procurement.bid(bidId).cycleId(), ExpertTaskProperties.DECLARE_INTERESTS,
        ExpertTaskProperties.SCORE_BID).stream().filter(ref -> !scorers.contains(ref)).sorted().toList();
    return missing.isEmpty() ? "" : "\nNot scored by " + String.join(", ", missing)
        + " (stepped back); the average is of the scores given.";
  }
}
