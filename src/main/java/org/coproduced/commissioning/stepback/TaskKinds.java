package org.coproduced.commissioning.stepback;

import java.util.Map;

/** What each expert task asks, in the words messages and coordinators' tasks use. */
public final class TaskKinds {

  public static final String ACKNOWLEDGE_FEEDBACK = "Activity_AcknowledgeFeedback";
  /**
   * A panel member stepped back from one bid only and still scores the others: recorded under its
   * own kind, so they still count as on the panel ({@code procurement/PanelStrength}).
   */
  public static final String SCORE_THIS_BID_ONLY = "Activity_ScoreBid/this-bid-only";

  private static final Map<String, String> IN_WORDS = Map.of(
      ExpertTaskProperties.REVIEW_SPECIFICATION, "review the service specification",
      ExpertTaskProperties.DECLARE_INTERESTS, "declare any conflict of interest",
      ExpertTaskProperties.SCORE_BID, "score a bid",
      SCORE_THIS_BID_ONLY, "score one of the bids (they will score the others)",
      ACKNOWLEDGE_FEEDBACK, "read what we did with what you said");

  private TaskKinds() {}

  /** "score a bid", for "You were asked to score a bid". */
  public static String inWords(String taskKind) {
    return IN_WORDS.getOrDefault(taskKind, "a task for this cycle");
  }
}
