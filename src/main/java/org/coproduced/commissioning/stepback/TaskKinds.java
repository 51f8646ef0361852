package org.coproduced.commissioning.stepback;

import java.util.Map;

/** What each expert task asks, in the words messages and coordinators' tasks use. */
public final class TaskKinds {

  public static final String ACKNOWLEDGE_FEEDBACK = "Activity_AcknowledgeFeedback";

  private static final Map<String, String> IN_WORDS = Map.of(
      ExpertTaskProperties.REVIEW_SPECIFICATION, "review the service specification",
      ExpertTaskProperties.DECLARE_INTERESTS, "declare any conflict of interest",
      ExpertTaskProperties.SCORE_BID, "score a bid",
      ACKNOWLEDGE_FEEDBACK, "read what we did with what you said");

  private TaskKinds() {}

  /** "score a bid", for "You were asked to score a bid". */
  public static String inWords(String taskKind) {
    return IN_WORDS.getOrDefault(taskKind, "a task for this cycle");
  }
}
