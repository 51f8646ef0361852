package org.coproduced.commissioning.modelcheck;

import java.util.List;

/**
 * One way a commissioning-cycle model lets coproduction be skipped.
 *
 * @param rule which guarantee is broken
 * @param processId the id of the process the path runs in
 * @param stage the stage whose gate is skipped, or {@code null} for the other rules
 * @param path the element ids the offending path passes, from a start event to the offending
 *     element (for a misused marker, just that element)
 * @param description the plain-English sentence a modeller reads, naming the path
 */
public record CoproductionViolation(
    Rule rule, String processId, Stage stage, List<String> path, String description) {

  /** The guarantees a commissioning-cycle model must keep. */
  public enum Rule {
    /** A decision task of a stage can be reached without that stage's expert gate. */
    GATE_SKIPPED,
    /** The process can end without the feedback ("you said, we did") call activity. */
    FEEDBACK_SKIPPED,
    /** A coproduction marker is on an element that cannot carry it, or has a wrong value. */
    MARKER_MISUSED
  }

  public CoproductionViolation {
    path = List.copyOf(path);
  }

  /** The element a modeller has to look at first: the decision task, end, or marked element. */
  public String offendingElementId() {
    return path.get(path.size() - 1);
  }

  static String arrows(List<String> path) {
    return String.join(" → ", path);
  }
}
