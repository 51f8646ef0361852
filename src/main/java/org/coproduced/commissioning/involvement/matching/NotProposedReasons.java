package org.coproduced.commissioning.involvement.matching;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.coproduced.commissioning.experts.Expert;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Commitment;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Demand;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Pooled;
import org.coproduced.commissioning.web.PageDates;

/**
 * Puts into words why one person was not proposed. The rules decide (the verdict comes from
 * {@link MatchingRules}); this class only adds the facts behind the verdict: which session is in
 * the way, how many hours they have, when a review falls due. The words are kind: nobody is
 * "refused", and each reason says what a coordinator could do about it.
 */
final class NotProposedReasons {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

  private final MatchingRules rules;

  NotProposedReasons(MatchingRules rules) {
    this.rules = rules;
  }

  /**
   * Why {@code pooled} is not on the proposal. {@code canBuddy} holds the experienced people on
   * the proposal who are nobody's buddy yet; {@code displayedAreas} is how their lived experience
   * reads on the page.
   */
  NotProposed explain(Pooled pooled, Demand demand, java.util.List<Pooled> pool, Set<Long> canBuddy,
      String displayedAreas) {
    Expert expert = pooled.expert();
    LocalDate day = demand.session().day();
    MatchingRules.Verdict verdict = rules.verdict(pooled, demand);
    return switch (verdict) {
      case ELIGIBLE -> eligible(pooled, demand, pool, canBuddy);
      case NOT_ACTIVE -> expert.pausedUntil() == null
          ? reason(pooled, demand, verdict, "Taking a break, with no end date set.",
              "When they would like to come back, record it on their page in the expert pool.")
          : reason(pooled, demand, verdict, "Taking a break until " + date(expert.pausedUntil()) + ".",
              "They can be asked for sessions after that day. If they would like to come back sooner, "
                  + "they can tell a coordinator.");
      case CONSENT_NOT_CURRENT -> expert.consentReviewOn() == null
          ? reason(pooled, demand, verdict, "We have no consent on record for them.",
              "Talk with them about giving consent, then record it.")
          : reason(pooled, demand, verdict, "Their consent needs renewing on " + date(expert.consentReviewOn())
              + ", before the session.", "Talk with them about renewing it before the session, then record it.");
      case WELLBEING_NOT_CURRENT -> expert.wellbeingReviewOn() == null
          ? reason(pooled, demand, verdict, "We have no wellbeing check on record for them.",
              "Hold a wellbeing check with them, then record it.")
          : reason(pooled, demand, verdict, "Their wellbeing check is due on " + date(expert.wellbeingReviewOn())
              + ", before the session.", "Hold the check with them before the session, then record it.");
      case CHECK_IN_DUE -> reason(pooled, demand, verdict,
          "A coordinator has not yet checked in with them after their last session, where they may have talked "
              + "about their own experiences.",
          "Do the check-in task in Tasklist first. They can be asked again once it is done, or once they say "
              + "they do not want one.");
      case CONFLICTED -> reason(pooled, demand, verdict, "They declared a conflict of interest in this cycle.",
          "They cannot take part in this cycle, but can be asked for other cycles.");
      case ALREADY_ASKED -> reason(pooled, demand, verdict, "They were already asked for this session: see the table above.",
          "Nothing to do here.");
      case DOUBLE_BOOKED -> booked(pooled, demand);
      case AT_CAP -> {
        int now = MatchingRules.busiestWindowHours(pooled, demand.session());
        yield reason(pooled, demand, verdict, "This session would take them over the hours limit: they have " + now
            + " hours in the 90 days around it, the session adds " + demand.session().hours()
            + ", and the limit is " + rules.capHours() + ".",
            "A later session may fit. You can still add them by hand in Add to the proposal, and say why.");
      }
      case NO_RELEVANT_EXPERIENCE -> reason(pooled, demand, verdict,
          "They share none of the lived experience asked for. Theirs: " + displayedAreas + ".",
          "You can still add them by hand in Add to the proposal, if their experience would help.");
    };
  }

  private NotProposed eligible(Pooled pooled, Demand demand, java.util.List<Pooled> pool, Set<Long> canBuddy) {
    if (pooled.firstTimer() && !rules.buddyFree(pooled.expert(), pool, demand, canBuddy)) {
      return new NotProposed(pooled.expert(), MatchingRules.Verdict.ELIGIBLE, hours(pooled, demand), false,
          "It would be their first time, and no experienced buddy is free then.",
          "Ask an experienced expert to come as their buddy, and add them both by hand.", null);
    }
    String why = pooled.firstTimer()
        ? "They could come, with a buddy, as it would be their first time. The places went to people who gave fewer hours lately."
        : "They could come. The places went to people who gave fewer hours lately.";
    return new NotProposed(pooled.expert(), MatchingRules.Verdict.ELIGIBLE, hours(pooled, demand), true, why,
        "Add them in Add to the proposal, or they may be asked if someone says no.", null);
  }

  private NotProposed booked(Pooled pooled, Demand demand) {
    Optional<Commitment> other = MatchingRules.overlapping(pooled, demand.session());
    String when = other.map(c -> " on " + date(c.session().day()) + ", " + TIME.format(c.session().start())
        + " to " + TIME.format(c.session().end())).orElse("");
    Long requestId = other.map(Commitment::requestId).orElse(null);
    String which = requestId == null ? "another session" : "the session of request " + requestId;
    return new NotProposed(pooled.expert(), MatchingRules.Verdict.DOUBLE_BOOKED, hours(pooled, demand), false,
        "They are booked for " + which + when + ", which overlaps this one.",
        "If either session could move, they may be free.", requestId);
  }

  private static NotProposed reason(Pooled pooled, Demand demand, MatchingRules.Verdict verdict, String why, String change) {
    return new NotProposed(pooled.expert(), verdict, hours(pooled, demand), false, why, change, null);
  }

  private static int hours(Pooled pooled, Demand demand) {
    return MatchingRules.recentHours(pooled, demand.session().day());
  }

  private static String date(LocalDate day) {
    return PageDates.FORMAT.format(day);
  }
}
