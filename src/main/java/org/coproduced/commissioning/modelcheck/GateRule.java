package org.coproduced.commissioning.modelcheck;

import java.util.List;

/**
 * A decision task of a stage must come after that stage's expert gate has completed, with no
 * other stage's gate in between: a recommission loop that goes from the REVIEW stage straight
 * back to an ANALYSE decision has left the ANALYSE stage and must pass its gate again, while
 * rework inside one stage (a specification redrafted after review) need not.
 */
final class GateRule implements PathRule {

  private static final int OUTSIDE_STAGE = 0;
  private static final int INSIDE_STAGE = 1;

  private final Stage stage;

  GateRule(Stage stage) {
    this.stage = stage;
  }

  @Override
  public int stateCount() {
    return 2;
  }

  @Override
  public int initialState() {
    return OUTSIDE_STAGE;
  }

  @Override
  public int afterCompleting(FlowGraph.Node node, int state) {
    if (node.gate == null) {
      return state;
    }
    return node.gate == stage ? INSIDE_STAGE : OUTSIDE_STAGE;
  }

  @Override
  public boolean isBrokenAt(FlowGraph.Node node, int state) {
    return node.decision == stage && state == OUTSIDE_STAGE;
  }

  @Override
  public CoproductionViolation violation(FlowGraph graph, List<Integer> path) {
    List<String> ids = graph.elementIdsAlong(path);
    String decision = ids.get(ids.size() - 1);
    StringBuilder text =
        new StringBuilder()
            .append("process '")
            .append(graph.processId())
            .append("' lets a path skip the ")
            .append(stage)
            .append(" expert gate before its decision task '")
            .append(decision)
            .append("': ")
            .append(CoproductionViolation.arrows(ids))
            .append(". Every path must pass 'coproduction:gate=")
            .append(stage)
            .append("' first.");
    String gateOnPath = firstOnPath(graph, path);
    if (gateOnPath != null) {
      text.append(" Passing '")
          .append(gateOnPath)
          .append("' earlier on this path does not count: the path leaves it before it completes,")
          .append(" or another stage's gate comes after it.");
    } else if (!hasGate(graph)) {
      text.append(" The process has no call activity marked 'coproduction:gate=")
          .append(stage)
          .append("'.");
    }
    return new CoproductionViolation(
        CoproductionViolation.Rule.GATE_SKIPPED, graph.processId(), stage, ids, text.toString());
  }

  private String firstOnPath(FlowGraph graph, List<Integer> path) {
    for (int index : path) {
      if (graph.node(index).gate == stage) {
        return graph.node(index).elementId;
      }
    }
    return null;
  }

  private boolean hasGate(FlowGraph graph) {
    return graph.nodes().stream().anyMatch(node -> node.gate == stage);
  }
}
