package org.coproduced.commissioning.modelcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;

/**
 * A gate counts only if the involvement process it starts involves someone, and feedback only if
 * the feedback process it starts waits for everyone. So each gate and feedback call of a cycle is
 * followed to the definition its binding resolves to, and that definition is checked again here:
 * whatever was deployed before (an old version pinned by number, say) is held to today's rules.
 */
final class CallCheck {

  private CallCheck() {}

  static List<CoproductionViolation> violations(
      Process cycle, CalledProcesses called, Function<Process, List<CoproductionViolation>> checkCalled) {
    List<CoproductionViolation> violations = new ArrayList<>();
    CoproductionMarkers.forEachFlowNode(
        cycle,
        node -> {
          String role = roleOf(node);
          if (role != null) {
            check(cycle, (CallActivity) node, role, called, checkCalled).ifPresent(violations::add);
          }
        });
    return violations;
  }

  /** "gate" or "feedback call" for a marked call of the right process; null for anything else. */
  private static String roleOf(FlowNode node) {
    if (CoproductionMarkers.gateStage(node).isPresent()) {
      return "gate";
    }
    return CoproductionMarkers.isFeedback(node) ? "feedback call" : null;
  }

  private static Optional<CoproductionViolation> check(Process cycle, CallActivity call, String role,
      CalledProcesses called, Function<Process, List<CoproductionViolation>> checkCalled) {
    CalledProcesses.Resolution resolution = called.resolve(call);
    String start = "process '%s' has %s '%s', which calls '%s': "
        .formatted(cycle.getId(), role, call.getId(), call.getCalledElement());
    String rule = " A %s must call a definition of '%s' that the check accepts.".formatted(role, call.getCalledElement());
    if (resolution.problem() != null) {
      return Optional.of(violation(cycle, call, start + resolution.problem() + "." + rule));
    }
    for (CalledDefinition definition : resolution.definitions()) {
      List<CoproductionViolation> refusals = checkCalled.apply(definition.process());
      if (!refusals.isEmpty()) {
        String why = definition.inThisDeployment()
            ? "its own refusal in this deployment says why"
            : "the check refuses it: " + refusals.get(0).description();
        String sentence = start + "its binding resolves to " + definition.description() + ", and " + why;
        return Optional.of(violation(cycle, call, (sentence.endsWith(".") ? sentence : sentence + ".") + rule));
      }
    }
    return Optional.empty();
  }

  private static CoproductionViolation violation(Process cycle, CallActivity call, String description) {
    return new CoproductionViolation(
        CoproductionViolation.Rule.CALL_NOT_ACCEPTED, cycle.getId(), null, List.of(call.getId()), description);
  }
}
