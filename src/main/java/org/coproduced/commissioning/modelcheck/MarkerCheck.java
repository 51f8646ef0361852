package org.coproduced.commissioning.modelcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;

/**
 * Finds markers the path rules would silently ignore: a gate on a user task or on a call of any
 * process but the involvement process, a misspelt stage, a feedback marker on something that does
 * not call the feedback process. Left unreported, each
 * would show up only as a puzzling "gate skipped" or "feedback skipped" elsewhere.
 */
final class MarkerCheck {

  private MarkerCheck() {}

  static List<CoproductionViolation> misusedMarkers(Process process) {
    List<CoproductionViolation> violations = new ArrayList<>();
    CoproductionMarkers.forEachFlowNode(
        process,
        node -> {
          checkGate(process, node, violations);
          checkDecision(process, node, violations);
          checkFeedback(process, node, violations);
        });
    return violations;
  }

  private static void checkGate(
      Process process, FlowNode node, List<CoproductionViolation> violations) {
    Optional<String> gate = CoproductionMarkers.property(node, CoproductionMarkers.GATE);
    if (gate.isEmpty()) {
      return;
    }
    if (Stage.fromMarker(gate.get()).isEmpty()) {
      violations.add(misused(process, node, wrongStage(CoproductionMarkers.GATE, gate.get())));
    } else if (!(node instanceof CallActivity call)) {
      violations.add(
          misused(
              process,
              node,
              "is marked '%s=%s', but only a call activity can be a gate (it is a %s)."
                  .formatted(CoproductionMarkers.GATE, gate.get(), typeOf(node))));
    } else if (!CoproductionMarkers.INVOLVEMENT_PROCESS.equals(call.getCalledElement())) {
      violations.add(
          misused(
              process,
              node,
              "is marked '%s=%s', but calls %s; a gate must call '%s'.%s"
                  .formatted(
                      CoproductionMarkers.GATE,
                      gate.get(),
                      whatItCalls(call),
                      CoproductionMarkers.INVOLVEMENT_PROCESS,
                      lookalikeHint(call.getCalledElement(), CoproductionMarkers.INVOLVEMENT_PROCESS))));
    }
  }

  /** What a call activity calls, in words: a process id, or that it calls none. */
  static String whatItCalls(CallActivity call) {
    if (call.getCalledElement() != null) {
      return "'" + call.getCalledElement() + "'";
    }
    return call.getCamundaCaseRef() != null
        ? "the case '" + call.getCamundaCaseRef() + "' instead of a process"
        : "no process";
  }

  /** A word for a modeller who typed a name that only looks right. */
  static String lookalikeHint(String called, String required) {
    if (called == null) {
      return "";
    }
    if (called.equalsIgnoreCase(required)) {
      return " Process ids are case-sensitive.";
    }
    if (called.contains("${") || called.contains("#{")) {
      return " The check cannot follow a process chosen by an expression.";
    }
    return "";
  }

  private static void checkDecision(
      Process process, FlowNode node, List<CoproductionViolation> violations) {
    Optional<String> decision = CoproductionMarkers.property(node, CoproductionMarkers.DECISION);
    if (decision.isPresent() && Stage.fromMarker(decision.get()).isEmpty()) {
      violations.add(
          misused(process, node, wrongStage(CoproductionMarkers.DECISION, decision.get())));
    }
  }

  private static void checkFeedback(
      Process process, FlowNode node, List<CoproductionViolation> violations) {
    Optional<String> feedback = CoproductionMarkers.property(node, CoproductionMarkers.FEEDBACK);
    if (feedback.isEmpty() || CoproductionMarkers.isFeedback(node)) {
      return;
    }
    if (!"true".equals(feedback.get())) {
      violations.add(
          misused(
              process,
              node,
              "is marked '%s=%s'; the only value is 'true'."
                  .formatted(CoproductionMarkers.FEEDBACK, feedback.get())));
    } else if (node instanceof CallActivity call) {
      violations.add(
          misused(
              process,
              node,
              "is marked '%s=true', but calls '%s' instead of '%s'.%s"
                  .formatted(
                      CoproductionMarkers.FEEDBACK,
                      call.getCalledElement(),
                      CoproductionMarkers.FEEDBACK_PROCESS,
                      lookalikeHint(call.getCalledElement(), CoproductionMarkers.FEEDBACK_PROCESS))));
    } else {
      violations.add(
          misused(
              process,
              node,
              "is marked '%s=true', but only a call activity of '%s' delivers feedback (it is a %s)."
                  .formatted(
                      CoproductionMarkers.FEEDBACK,
                      CoproductionMarkers.FEEDBACK_PROCESS,
                      typeOf(node))));
    }
  }

  private static String wrongStage(String marker, String value) {
    return "is marked '%s=%s'; the stage must be ANALYSE, PLAN, DO or REVIEW."
        .formatted(marker, value);
  }

  private static String typeOf(FlowNode node) {
    return node.getElementType().getTypeName();
  }

  private static CoproductionViolation misused(Process process, FlowNode node, String problem) {
    return new CoproductionViolation(
        CoproductionViolation.Rule.MARKER_MISUSED,
        process.getId(),
        null,
        List.of(node.getId()),
        "process '%s' has element '%s' that %s".formatted(process.getId(), node.getId(), problem));
  }
}
