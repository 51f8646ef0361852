package org.coproduced.commissioning.modelcheck;

import java.util.ArrayList;
import java.util.List;

/**
 * A process flattened into the places a token can be and the ways it can move between them.
 *
 * <p>Most nodes are BPMN flow nodes. Virtual nodes (no element id) stand for "this scope is
 * running, so its event subprocesses may start" and "this scope has ended"; the end of the
 * process scope is the node the feedback rule looks for.
 *
 * <p>Every edge says whether the token leaves its source <em>after completing it</em>: a
 * sequence flow does, but the step from an activity to one of its boundary events, into a
 * subprocess's start event or to an event subprocess does not. That is how an interrupted gate
 * (a timer on the gate firing) does not count as a gate passed.
 */
final class FlowGraph {

  /** What an edge does to the token that follows it, seen from the whole process instance. */
  enum TokenEffect {
    /** The same token moves on. */
    STAYS,
    /**
     * A new, extra token starts (non-interrupting boundary or event subprocess) while the token
     * it came from carries on and still has to reach an end of its own.
     */
    SPLITS_OFF,
    /**
     * The token replaces every token of its scope (interrupting event subprocess, caught error,
     * terminate end): from here on it is the one whose end ends the scope.
     */
    TAKES_OVER
  }

  record Edge(int target, boolean completesSource, TokenEffect effect) {}

  /**
   * One place a token can be. Gate, decision and feedback roles come from the markers; what a
   * node records comes from the listener it calls.
   */
  static final class Node {
    final int index;
    final String elementId;
    Stage gate;
    Stage decision;
    boolean feedback;
    /** What the node records about a person, if anything (see {@link RecordingStep}). */
    RecordingStep records;
    /** Whether the node runs once per person: it, or a subprocess around it, is multi-instance. */
    boolean perPerson;
    boolean processEnd;
    final List<Edge> edges = new ArrayList<>();

    private Node(int index, String elementId) {
      this.index = index;
      this.elementId = elementId;
    }

    boolean isVirtual() {
      return elementId == null;
    }
  }

  private final String processId;
  private final List<Node> nodes = new ArrayList<>();
  private final List<Integer> startNodes = new ArrayList<>();

  FlowGraph(String processId) {
    this.processId = processId;
  }

  String processId() {
    return processId;
  }

  Node addElementNode(String elementId) {
    Node node = new Node(nodes.size(), elementId);
    nodes.add(node);
    return node;
  }

  Node addVirtualNode() {
    return addElementNode(null);
  }

  void addEdge(int source, int target, boolean completesSource, TokenEffect effect) {
    nodes.get(source).edges.add(new Edge(target, completesSource, effect));
  }

  void addStart(int node) {
    startNodes.add(node);
  }

  Node node(int index) {
    return nodes.get(index);
  }

  int size() {
    return nodes.size();
  }

  List<Integer> startNodes() {
    return startNodes;
  }

  List<Node> nodes() {
    return nodes;
  }

  /** The element ids a path of nodes passes, as a modeller would read it in the diagram. */
  List<String> elementIdsAlong(List<Integer> path) {
    List<String> ids = new ArrayList<>();
    for (int index : path) {
      String id = nodes.get(index).elementId;
      if (id != null && (ids.isEmpty() || !ids.get(ids.size() - 1).equals(id))) {
        ids.add(id);
      }
    }
    return ids;
  }
}
