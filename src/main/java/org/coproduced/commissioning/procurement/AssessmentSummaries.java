package org.coproduced.commissioning.procurement;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.coproduced.commissioning.experts.ExpertContacts;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.involvement.CycleOutlines;
import org.coproduced.commissioning.plainenglish.ReadingEase;
import org.coproduced.commissioning.procurement.ProcurementRepository.ModeratedBid;
import org.springframework.stereotype.Component;

/**
 * The assessment summary each bidder gets after the award decision (Procurement Act 2023): its
 * scores and the panel's reasons, and the winner's, against the published weightings. The draft
 * comes from what the panel agreed at moderation; the commissioner may edit it. The panel appears
 * by role ("a council officer and 3 experts by experience"), never by name or reference.
 */
@Component
public class AssessmentSummaries {

  /** Texts people write for bidders read at least this easily (Flesch reading ease). */
  static final double READS_AT_LEAST = ReadingEase.PLAIN;
  private static final Pattern EXPERT_REF = Pattern.compile("\\bEX-?\\d+", Pattern.CASE_INSENSITIVE);

  private final ProcurementRepository procurement;
  private final ProcurementService panel;
  private final ExpertContacts experts;
  private final CycleOutlines cycles;

  public AssessmentSummaries(ProcurementRepository procurement, ProcurementService panel,
      ExpertContacts experts, CycleOutlines cycles) {
    this.procurement = procurement;
    this.panel = panel;
    this.experts = experts;
    this.cycles = cycles;
  }

  /** The draft for one bid, from the agreed scores, the weightings and the reasons given at moderation. */
  public String draft(long cycleId, long bidId) {
    Weightings w = procurement.weightings(cycleId);
    List<ModeratedBid> bids = procurement.moderatedBids(cycleId);
    ModeratedBid bid = bids.stream().filter(b -> b.id() == bidId).findFirst().orElseThrow();
    Optional<ModeratedBid> winner = procurement.award(cycleId).map(ProcurementRepository.Award::winningBidder)
        .flatMap(name -> bids.stream().filter(b -> b.bidder().equals(name)).findFirst());
    int panelExperts = panel.panelExpertRefs(cycleId).size();
    String title = cycles.outline(cycleId).map(c -> c.title()).orElse("this service");
    StringBuilder text = new StringBuilder()
        .append("Dear ").append(bid.bidder()).append(",\n\n")
        .append("Thank you for your tender for ").append(title).append(". This is how we marked it.\n\n")
        .append("Who marked it: a council officer and ").append(panelExperts)
        .append(panelExperts == 1 ? " expert" : " experts").append(" by experience. These are people who have used")
        .append(" services like this one. Each of them marked each tender alone. Then they met and agreed the marks.\n\n")
        .append("How the marks count: quality ").append(w.quality()).append("%, the plan to work with the people who")
        .append(" use the service ").append(w.coproduction()).append("%, social value ").append(w.socialValue())
        .append("%, price ").append(w.price()).append("%.\n\n");
    boolean won = winner.map(b -> b.id() == bidId).orElse(false);
    text.append(won ? "We have chosen your tender.\n\n" : "We have not chosen your tender this time.\n\n");
    scores(text, "Your", bid, w);
    if (!won && winner.isPresent()) {
      text.append("\nWe chose the tender from ").append(winner.get().bidder()).append(".\n");
      scores(text, "Its", winner.get(), w);
    }
    return text.toString().strip();
  }

  private void scores(StringBuilder text, String whose, ModeratedBid bid, Weightings w) {
    text.append(whose).append(" marks, out of 5: quality ").append(mark(bid.quality())).append(", the plan to work")
        .append(" with people ").append(mark(bid.coproduction())).append(", social value ").append(mark(bid.socialValue()))
        .append(", price ").append(mark(bid.priceScore())).append(". That is ").append(weighted(bid, w))
        .append(" out of 100.\n");
    String reasons = procurement.moderationNotes(bid.id());
    if (reasons != null) {
      text.append("Why: ").append(reasons.strip()).append("\n");
    }
  }

  /**
   * Checks a summary before it is sent: plain English, and no one on the panel named. Throws a
   * plain-English error otherwise.
   */
  public void check(long cycleId, String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String ref : panel.panelExpertRefs(cycleId)) {
      experts.expert(ref).map(e -> e.name()).filter(n -> n != null && n.length() > 2)
          .filter(n -> lower.contains(n.toLowerCase(Locale.ROOT)))
          .ifPresent(n -> {
            throw new FormInputException("The summary names someone on the panel. Please write about them by role "
                + "(\"an expert by experience\"), never by name.");
          });
    }
    // After names: a name that holds a reference is still a name, and that is what to say.
    if (EXPERT_REF.matcher(text).find()) {
      throw new FormInputException("Please write about the panel by role (\"an expert by experience\"), "
          + "not by reference.");
    }
    double ease = ReadingEase.of(text);
    if (ease < READS_AT_LEAST) {
      throw new FormInputException(String.format(Locale.ROOT, "The summary is hard to read (it scores %.0f; plain "
          + "English scores at least %.0f). Please use shorter sentences and shorter words.", ease, READS_AT_LEAST));
    }
  }

  private static String mark(Integer score) {
    return score == null ? "not marked" : String.valueOf(score);
  }

  /** Each agreed mark out of 5 counted by its weighting: a total out of 100, rounded. */
  static long weighted(ModeratedBid b, Weightings w) {
    double total = part(b.quality(), w.quality()) + part(b.coproduction(), w.coproduction())
        + part(b.socialValue(), w.socialValue()) + part(b.priceScore(), w.price());
    return Math.round(total);
  }

  private static double part(Integer score, int weighting) {
    return score == null ? 0 : score * weighting / 5.0;
  }
}
