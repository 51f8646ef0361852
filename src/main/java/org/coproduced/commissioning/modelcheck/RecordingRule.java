package org.coproduced.commissioning.modelcheck;

import java.util.List;
import java.util.Set;

/**
 * The process must not end before a step has recorded something about the people involved: an
 * involvement request ends only after contributions were recorded (said at a session, or gathered
 * by peer researchers) or a coordinator recorded why nobody could take part; a feedback delivery ends only after each contributor acknowledged their
 * feedback or a coordinator attested its delivery.
 *
 * <p>As for feedback in a cycle, only the end of the whole instance counts: a split-off token (a
 * reminder, say) may end without recording, the token it split from may not.
 */
final class RecordingRule implements PathRule {

  private static final int SPLIT_OFF = 1;
  private static final int RECORDED = 2;

  private final CoproductionViolation.Rule rule;
  private final Set<RecordingStep> steps;
  private final boolean perPerson;
  private final String promise;
  private final String requirement;

  private RecordingRule(CoproductionViolation.Rule rule, Set<RecordingStep> steps, boolean perPerson,
      String promise, String requirement) {
    this.rule = rule;
    this.steps = steps;
    this.perPerson = perPerson;
    this.promise = promise;
    this.requirement = requirement;
  }

  /**
   * For {@code involvement-request}: a gate involves someone, at a session or by peer research (a
   * gate whose only route is peer research passes), or says why nobody could take part.
   */
  static RecordingRule involvement() {
    return new RecordingRule(CoproductionViolation.Rule.NOTHING_RECORDED,
        Set.of(RecordingStep.CONTRIBUTION, RecordingStep.PEER_RESEARCH, RecordingStep.NOBODY_COULD_TAKE_PART), false,
        "with no contribution recorded and no reason recorded why nobody could take part",
        "Every path must pass a user task that records contributions (its completion calls '${"
            + RecordingStep.CONTRIBUTION.listenerBean() + "}' for a session, or '${"
            + RecordingStep.PEER_RESEARCH.listenerBean() + "}' for peer research), or a task of the '"
            + RecordingStep.COORDINATORS
            + "' group that records why nobody could take part (its completion calls '${"
            + RecordingStep.NOBODY_COULD_TAKE_PART.listenerBean() + "}').");
  }

  /** For {@code feedback-delivery}: each contributor's feedback is acknowledged or attested. */
  static RecordingRule acknowledgement() {
    return new RecordingRule(CoproductionViolation.Rule.ACKNOWLEDGEMENT_SKIPPED,
        Set.of(RecordingStep.ACKNOWLEDGEMENT, RecordingStep.ATTESTATION), true,
        "without waiting for each contributor's acknowledgement or attestation",
        "Every path must pass, inside a multi-instance activity (one instance per contributor), a user task"
            + " whose completion calls '${" + RecordingStep.ACKNOWLEDGEMENT.listenerBean() + "}', a task of the '"
            + RecordingStep.COORDINATORS + "' group whose completion calls '${"
            + RecordingStep.ATTESTATION.listenerBean() + "}', or a receive task of message '"
            + RecordingStep.ACKNOWLEDGED_MESSAGE + "'.");
  }

  @Override
  public int stateCount() {
    return 4;
  }

  @Override
  public int initialState() {
    return 0;
  }

  @Override
  public int afterCompleting(FlowGraph.Node node, int state) {
    return counts(node) ? state | RECORDED : state;
  }

  @Override
  public int afterEffect(FlowGraph.TokenEffect effect, int state) {
    return switch (effect) {
      case STAYS -> state;
      case SPLITS_OFF -> state | SPLIT_OFF;
      case TAKES_OVER -> state & ~SPLIT_OFF;
    };
  }

  @Override
  public boolean isBrokenAt(FlowGraph.Node node, int state) {
    return node.processEnd && state == 0;
  }

  @Override
  public CoproductionViolation violation(FlowGraph graph, List<Integer> path) {
    List<String> ids = graph.elementIdsAlong(path);
    StringBuilder text = new StringBuilder()
        .append("process '").append(graph.processId()).append("' lets a path end at '")
        .append(ids.get(ids.size() - 1)).append("' ").append(promise).append(": ")
        .append(CoproductionViolation.arrows(ids)).append(". ").append(requirement);
    for (FlowGraph.Node node : graph.nodes()) {
      if (node.records != null && steps.contains(node.records) && !counts(node)) {
        text.append(" '").append(node.elementId)
            .append("' does not count: it runs once, not once per contributor.");
      }
    }
    return new CoproductionViolation(rule, graph.processId(), null, ids, text.toString());
  }

  private boolean counts(FlowGraph.Node node) {
    return node.records != null && steps.contains(node.records) && (!perPerson || node.perPerson);
  }
}
