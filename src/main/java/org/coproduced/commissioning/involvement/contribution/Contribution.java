package org.coproduced.commissioning.involvement.contribution;

/** One point an expert made, and the commissioner's answer to it. */
public record Contribution(
    long id,
    long requestId,
    long cycleId,
    String expertRef,
    String stage,
    String said,
    String useInNeeds,
    String answerOutcome,
    String whatChanged,
    String whyDecided,
    boolean needsRewording,
    ContributionRoute route) {

  /** The reference people use to talk about a contribution, for example C-12. */
  public String ref() {
    return refOf(id);
  }

  public static String refOf(long id) {
    return "C-" + id;
  }

  public boolean isAnswered() {
    return answerOutcome != null && !needsRewording;
  }
}
