package org.coproduced.commissioning.modelcheck;

import java.util.List;

/**
 * The process must not end before feedback ("you said, we did") has been delivered, and an
 * expert gate after feedback brings new contributions that need feedback again.
 *
 * <p>Only the end of the whole instance counts. A token that split off (a non-interrupting
 * boundary or event subprocess: a reminder, say) and ends does not end the process: the token
 * it split from goes on and has to reach an end of its own, which this rule checks. A split-off
 * token that terminates the process, or whose error interrupts the scope, takes over and counts.
 */
final class FeedbackRule implements PathRule {

  private static final int SPLIT_OFF = 1;
  private static final int FED_BACK = 2;

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
    if (node.feedback) {
      return state | FED_BACK;
    }
    if (node.gate != null) {
      return state & ~FED_BACK;
    }
    return state;
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
    String end = ids.get(ids.size() - 1);
    StringBuilder text =
        new StringBuilder()
            .append("process '")
            .append(graph.processId())
            .append("' lets a path end at '")
            .append(end)
            .append("' without passing FEEDBACK: ")
            .append(CoproductionViolation.arrows(ids))
            .append(". Every path must pass the call activity marked 'coproduction:feedback=true'")
            .append(" that calls '")
            .append(CoproductionMarkers.FEEDBACK_PROCESS)
            .append("' before the process ends.");
    String feedbackOnPath = firstFeedbackOn(graph, path);
    if (feedbackOnPath != null) {
      text.append(" Passing '")
          .append(feedbackOnPath)
          .append("' earlier on this path does not count: the path leaves it before it completes,")
          .append(" or an expert gate comes after it.");
    } else if (graph.nodes().stream().noneMatch(node -> node.feedback)) {
      text.append(" The process has no such call activity.");
    }
    return new CoproductionViolation(
        CoproductionViolation.Rule.FEEDBACK_SKIPPED, graph.processId(), null, ids, text.toString());
  }

  private static String firstFeedbackOn(FlowGraph graph, List<Integer> path) {
    for (int index : path) {
      if (graph.node(index).feedback) {
        return graph.node(index).elementId;
      }
    }
    return null;
  }
}
