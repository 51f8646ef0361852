package org.coproduced.commissioning.modelcheck;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;

/**
 * Checks that a commissioning-cycle model cannot skip coproduction: on every path from a start
 * event, each stage's decision tasks come after that stage's expert gate, and the process ends
 * only after feedback has been delivered.
 *
 * <p>Only processes marked {@code coproduction:cycle=true} are checked. Paths include every
 * gateway kind, boundary events (interrupting or not), event and embedded subprocesses, link
 * events, several start events, terminate, error and escalation ends, and loops. The analysis
 * is reachability in a graph of the model, linear in its size, never path enumeration.
 *
 * <p>Thread-safe and stateless: one instance can check any number of models.
 */
public final class CoproductionModelChecker {

  /** Every violation in every commissioning-cycle process of the model; empty if none. */
  public List<CoproductionViolation> check(BpmnModelInstance model) {
    List<CoproductionViolation> violations = new ArrayList<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (CoproductionMarkers.isCycle(process)) {
        violations.addAll(check(process));
      }
    }
    return violations;
  }

  /** Every violation in one process, whether or not it is marked as a cycle. */
  public List<CoproductionViolation> check(Process process) {
    List<CoproductionViolation> violations = new ArrayList<>(MarkerCheck.misusedMarkers(process));
    FlowGraph graph = FlowGraphBuilder.build(process);
    for (Stage stage : Stage.values()) {
      if (graph.nodes().stream().anyMatch(node -> node.decision == stage)) {
        violations.addAll(violationsOf(graph, new GateRule(stage)));
      }
    }
    violations.addAll(violationsOf(graph, new FeedbackRule()));
    return violations;
  }

  /**
   * Throws if the model has any violation.
   *
   * @throws CoproductionModelException naming every offending path
   */
  public void verify(BpmnModelInstance model) {
    List<CoproductionViolation> violations = check(model);
    if (!violations.isEmpty()) {
      throw new CoproductionModelException(violations);
    }
  }

  /** Whether any process of the model is marked {@code coproduction:cycle=true}. */
  public static boolean declaresCycle(BpmnModelInstance model) {
    return model.getModelElementsByType(Process.class).stream()
        .anyMatch(CoproductionMarkers::isCycle);
  }

  private static List<CoproductionViolation> violationsOf(FlowGraph graph, PathRule rule) {
    return PathSearch.brokenPaths(graph, rule).stream()
        .map(path -> rule.violation(graph, path))
        .toList();
  }
}
