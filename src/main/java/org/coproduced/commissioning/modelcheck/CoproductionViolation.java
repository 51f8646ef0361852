package org.coproduced.commissioning.modelcheck;

import java.util.List;

/**
 * One way a model lets coproduction be skipped: a commissioning cycle, or the involvement or
 * feedback process it calls.
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

  /** The guarantees a commissioning-cycle model, and the processes it calls, must keep. */
  public enum Rule {
    /** A decision task of a stage can be reached without that stage's expert gate. */
    GATE_SKIPPED,
    /** The process can end without the feedback ("you said, we did") call activity. */
    FEEDBACK_SKIPPED,
    /** A coproduction marker is on an element that cannot carry it, or has a wrong value. */
    MARKER_MISUSED,
    /**
     * A gate or feedback call activity calls the right process, but its binding resolves to no
     * definition, to several, or to one the check refuses.
     */
    CALL_NOT_ACCEPTED,
    /**
     * The involvement process can end with no contribution recorded and no reason recorded why
     * nobody could take part.
     */
    NOTHING_RECORDED,
    /** The feedback process can end without waiting for each contributor's acknowledgement or attestation. */
    ACKNOWLEDGEMENT_SKIPPED
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
