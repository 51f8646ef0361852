package org.coproduced.commissioning.modelcheck;

import java.util.List;

/**
 * What one rule remembers about a path as it walks the graph (a small number of states), and
 * which node reached in which state breaks the rule. {@link PathSearch} does the walking.
 */
interface PathRule {

  int stateCount();

  int initialState();

  /** The state once a token has left {@code node} after completing it. */
  int afterCompleting(FlowGraph.Node node, int state);

  /** The state after the token follows an edge with this effect on tokens. */
  default int afterEffect(FlowGraph.TokenEffect effect, int state) {
    return state;
  }

  boolean isBrokenAt(FlowGraph.Node node, int state);

  /** Describes a breaking path, given as graph node indices from a start event. */
  CoproductionViolation violation(FlowGraph graph, List<Integer> path);
}
