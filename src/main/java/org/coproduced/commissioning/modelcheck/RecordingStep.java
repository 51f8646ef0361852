package org.coproduced.commissioning.modelcheck;

import java.util.Optional;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;

/**
 * A step of the involvement or feedback process that records what a person gave or received.
 * It is recognised by what the task does, not by a marker: a user task counts only if completing
 * it calls the application's listener that writes the record. A marker could be copied onto any
 * task; the listener cannot be faked without writing the record. That is also why the previous
 * release's models, which carry no marker, are recognised as they are.
 */
enum RecordingStep {
  /** The coordinator records attendance and what each expert said. */
  CONTRIBUTION("contributionRecordListener", false),
  /**
   * A peer researcher (or a coordinator for them) records what people who do not come to meetings
   * told them: a gate may pass on these contributions alone.
   */
  PEER_RESEARCH("peerResearchRecordListener", false),
  /** A coordinator records, with a reason, that nobody could take part. */
  NOBODY_COULD_TAKE_PART("nobodyCouldTakePartListener", true),
  /** The contributor says they have read their feedback (in Tasklist, or by their email link). */
  ACKNOWLEDGEMENT("feedbackAcknowledgementListener", false),
  /** A coordinator confirms they delivered the feedback by post, phone or in person. */
  ATTESTATION("feedbackAttestationListener", true);

  /** The message the acknowledgement page correlates when someone follows their email link. */
  static final String ACKNOWLEDGED_MESSAGE = "FeedbackAcknowledged";
  static final String COORDINATORS = "coordinators";

  private final String listenerBean;
  private final boolean coordinatorTask;

  RecordingStep(String listenerBean, boolean coordinatorTask) {
    this.listenerBean = listenerBean;
    this.coordinatorTask = coordinatorTask;
  }

  String listenerBean() {
    return listenerBean;
  }

  /** What this node records, if anything. */
  static Optional<RecordingStep> of(FlowNode node) {
    if (node instanceof ReceiveTask receive) {
      Message message = receive.getMessage();
      return message != null && ACKNOWLEDGED_MESSAGE.equals(message.getName())
          ? Optional.of(ACKNOWLEDGEMENT)
          : Optional.empty();
    }
    if (!(node instanceof UserTask task)) {
      return Optional.empty();
    }
    for (RecordingStep step : values()) {
      if (callsOnComplete(task, step.listenerBean)
          && (!step.coordinatorTask || task.getCamundaCandidateGroupsList().contains(COORDINATORS))) {
        return Optional.of(step);
      }
    }
    return Optional.empty();
  }

  private static boolean callsOnComplete(BaseElement task, String bean) {
    ExtensionElements extensions = task.getExtensionElements();
    if (extensions == null) {
      return false;
    }
    String expression = "${" + bean + "}";
    return extensions.getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
        .anyMatch(listener -> "complete".equals(listener.getCamundaEvent())
            && expression.equals(listener.getCamundaDelegateExpression()));
  }
}
