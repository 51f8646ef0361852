package org.coproduced.commissioning.modelcheck;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * Reads the {@code coproduction:*} extension properties (Camunda Modeler: "Extensions →
 * Properties") that tell the model check which elements are gates, decisions and feedback.
 */
final class CoproductionMarkers {

  static final String CYCLE = "coproduction:cycle";
  static final String GATE = "coproduction:gate";
  static final String DECISION = "coproduction:decision";
  static final String FEEDBACK = "coproduction:feedback";
  static final String FEEDBACK_PROCESS = "feedback-delivery";
  static final String INVOLVEMENT_PROCESS = "involvement-request";

  private CoproductionMarkers() {}

  static boolean isCycle(Process process) {
    return property(process, CYCLE).map("true"::equals).orElse(false);
  }

  /**
   * The stage this node is the gate of. Only a call of the involvement process counts: a call of
   * any other process (even one named like it) involves nobody, whatever its marker says.
   */
  static Optional<Stage> gateStage(FlowNode node) {
    if (!(node instanceof CallActivity call) || !INVOLVEMENT_PROCESS.equals(call.getCalledElement())) {
      return Optional.empty();
    }
    return property(node, GATE).flatMap(Stage::fromMarker);
  }

  static Optional<Stage> decisionStage(FlowNode node) {
    return property(node, DECISION).flatMap(Stage::fromMarker);
  }

  /** Only a call of the feedback process counts: a task merely labelled feedback does not. */
  static boolean isFeedback(FlowNode node) {
    return node instanceof CallActivity call
        && FEEDBACK_PROCESS.equals(call.getCalledElement())
        && property(node, FEEDBACK).map("true"::equals).orElse(false);
  }

  static Optional<String> property(BaseElement element, String name) {
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions == null) {
      return Optional.empty();
    }
    for (CamundaProperties properties :
        extensions.getElementsQuery().filterByType(CamundaProperties.class).list()) {
      for (CamundaProperty property : properties.getCamundaProperties()) {
        if (name.equals(property.getCamundaName())) {
          return Optional.ofNullable(property.getCamundaValue()).map(String::trim);
        }
      }
    }
    return Optional.empty();
  }

  /** The flow elements directly inside a process or a subprocess. */
  static Collection<FlowElement> flowElementsOf(BaseElement container) {
    if (container instanceof Process process) {
      return process.getFlowElements();
    }
    if (container instanceof SubProcess subProcess) {
      return subProcess.getFlowElements();
    }
    return List.of();
  }

  /** Visits every flow node of a process, at any depth of subprocesses, in document order. */
  static void forEachFlowNode(BaseElement container, Consumer<FlowNode> visitor) {
    for (FlowElement element : flowElementsOf(container)) {
      if (element instanceof FlowNode node) {
        visitor.accept(node);
        if (node instanceof SubProcess) {
          forEachFlowNode(node, visitor);
        }
      }
    }
  }
}
