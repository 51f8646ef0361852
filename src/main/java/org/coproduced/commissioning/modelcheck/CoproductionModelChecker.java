package org.coproduced.commissioning.modelcheck;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;

/**
 * Checks that a commissioning-cycle model cannot skip coproduction: on every path from a start
 * event, each stage's decision tasks come after that stage's expert gate, and the process ends
 * only after feedback has been delivered. The processes a cycle calls are held to the same
 * standard: every path through {@code involvement-request} records a contribution or a
 * coordinator's reason why nobody could take part, and every path through {@code
 * feedback-delivery} waits for each contributor's acknowledgement or attestation.
 *
 * <p>Cycles are the processes marked {@code coproduction:cycle=true}; the called processes are
 * known by their ids. Paths include every gateway kind, boundary events (interrupting or not),
 * event and embedded subprocesses, link events, several start events, terminate, error and
 * escalation ends, and loops. The analysis is reachability in a graph of the model, linear in its
 * size, never path enumeration.
 *
 * <p>Thread-safe and stateless: one instance can check any number of models.
 */
public final class CoproductionModelChecker {

  /**
   * Every violation in every process of the model that is checked; empty if none. A model alone
   * cannot tell what its gates' bindings resolve to: deployment and the command-line check also
   * pass what else is deployed (see {@link #check(BpmnModelInstance, CalledProcesses)}).
   */
  public List<CoproductionViolation> check(BpmnModelInstance model) {
    return check(model, null);
  }

  /**
   * Every violation of the model, with each gate and feedback call followed to what its binding
   * resolves to among {@code called}; with {@code null}, calls are not followed.
   */
  List<CoproductionViolation> check(BpmnModelInstance model, CalledProcesses called) {
    List<CoproductionViolation> violations = new ArrayList<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (CoproductionMarkers.isCycle(process)) {
        violations.addAll(check(process));
        if (called != null) {
          violations.addAll(CallCheck.violations(process, called, this::checkCalled));
        }
      }
      violations.addAll(checkCalled(process));
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
   * The violations of a process a cycle calls: {@code involvement-request} or {@code
   * feedback-delivery}. Any other process has none.
   */
  List<CoproductionViolation> checkCalled(Process process) {
    return switch (process.getId()) {
      case CoproductionMarkers.INVOLVEMENT_PROCESS ->
          violationsOf(FlowGraphBuilder.build(process), RecordingRule.involvement());
      case CoproductionMarkers.FEEDBACK_PROCESS ->
          violationsOf(FlowGraphBuilder.build(process), RecordingRule.acknowledgement());
      default -> List.of();
    };
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

  /** Whether the check has anything to check in the model: a cycle, or a process a cycle calls. */
  public static boolean checksAnything(BpmnModelInstance model) {
    return model.getModelElementsByType(Process.class).stream()
        .anyMatch(process -> CoproductionMarkers.isCycle(process)
            || CoproductionMarkers.INVOLVEMENT_PROCESS.equals(process.getId())
            || CoproductionMarkers.FEEDBACK_PROCESS.equals(process.getId()));
  }

  private static List<CoproductionViolation> violationsOf(FlowGraph graph, PathRule rule) {
    return PathSearch.brokenPaths(graph, rule).stream()
        .map(path -> rule.violation(graph, path))
        .toList();
  }
}
