package org.coproduced.commissioning.modelcheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Breadth-first reachability over (node, rule state) pairs: linear in the size of the graph,
 * however many paths the model has, and the first path found to a node is a shortest one.
 *
 * <p>Parallel joins are treated like any other merge: a token reaching a join on one branch is
 * assumed to go on. That ignores that the join waits for its other branches, so a gate passed
 * only on a sibling branch is not counted. The check can therefore refuse a model whose gate
 * runs in parallel with the work before a decision, but it can never accept a model with a
 * real bypass: the safe side for a guarantee.
 */
final class PathSearch {

  private static final int UNSEEN = -2;
  private static final int ROOT = -1;

  private PathSearch() {}

  /**
   * The paths that break the rule, one per offending element (the first element at which the
   * rule breaks; nothing is searched beyond it), shortest first.
   */
  static List<List<Integer>> brokenPaths(FlowGraph graph, PathRule rule) {
    int states = rule.stateCount();
    int[] parent = new int[graph.size() * states];
    Arrays.fill(parent, UNSEEN);
    int[] queue = new int[parent.length];
    int head = 0;
    int tail = 0;
    Set<String> reported = new HashSet<>();
    List<List<Integer>> broken = new ArrayList<>();

    for (int start : graph.startNodes()) {
      int state = start * states + rule.initialState();
      if (parent[state] == UNSEEN) {
        parent[state] = ROOT;
        if (rule.isBrokenAt(graph.node(start), rule.initialState())) {
          report(graph, parent, states, ROOT, start, reported, broken);
        } else {
          queue[tail++] = state;
        }
      }
    }
    while (head < tail) {
      int current = queue[head++];
      FlowGraph.Node node = graph.node(current / states);
      int state = current % states;
      for (FlowGraph.Edge edge : node.edges) {
        int next = edge.completesSource() ? rule.afterCompleting(node, state) : state;
        next = rule.afterEffect(edge.effect(), next);
        if (rule.isBrokenAt(graph.node(edge.target()), next)) {
          // Not marked as seen: other ends reached through the same virtual "process ended"
          // node must each be reported.
          report(graph, parent, states, current, edge.target(), reported, broken);
          continue;
        }
        int target = edge.target() * states + next;
        if (parent[target] == UNSEEN) {
          parent[target] = current;
          queue[tail++] = target;
        }
      }
    }
    return broken;
  }

  private static void report(
      FlowGraph graph,
      int[] parent,
      int states,
      int from,
      int brokenNode,
      Set<String> reported,
      List<List<Integer>> broken) {
    String offending = graph.node(brokenNode).elementId;
    for (int state = from; offending == null && state != ROOT; state = parent[state]) {
      offending = graph.node(state / states).elementId;
    }
    if (!reported.add(offending)) {
      return;
    }
    List<Integer> path = new ArrayList<>();
    path.add(brokenNode);
    for (int state = from; state != ROOT; state = parent[state]) {
      path.add(state / states);
    }
    Collections.reverse(path);
    broken.add(path);
  }
}
