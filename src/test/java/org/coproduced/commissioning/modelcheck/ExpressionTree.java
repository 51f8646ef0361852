package org.coproduced.commissioning.modelcheck;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.Node;

/** The method calls in a parsed expression, e.g. {@code procurementService.bidIds(cycleId)}. */
final class ExpressionTree {

  /**
   * A call {@code target.method(...)} on a named object (a bean, or {@code execution}), with its
   * argument nodes and the calls it is nested in (none when it stands alone).
   */
  record Call(String target, String method, List<Node> argumentNodes, int depth) {

    int arguments() {
      return argumentNodes.size();
    }

    @Override
    public String toString() {
      return target + "." + method + "(" + arguments() + " argument(s))";
    }
  }

  private ExpressionTree() {}

  static List<Call> calls(Node root) {
    List<Call> calls = new ArrayList<>();
    collect(root, 0, calls);
    return calls;
  }

  private static void collect(Node node, int depth, List<Call> calls) {
    int inner = depth;
    if (node instanceof AstMethod && node.getChild(0) instanceof AstDot dot
        && dot.getChild(0) instanceof AstIdentifier target) {
      Node parameters = node.getChild(1);
      List<Node> arguments = new ArrayList<>();
      for (int i = 0; i < parameters.getCardinality(); i++) {
        arguments.add(parameters.getChild(i));
      }
      calls.add(new Call(target.getName(), methodName(dot), arguments, depth));
      inner = depth + 1;
    } else if (node instanceof AstMethod) {
      inner = depth + 1; // a call on something computed, e.g. a.b().c(): still a call
    }
    for (int i = 0; i < node.getCardinality(); i++) {
      collect(node.getChild(i), inner, calls);
    }
  }

  /** The parser keeps the name protected; its text form is ". name". */
  private static String methodName(AstDot dot) {
    return dot.toString().substring(2);
  }
}
