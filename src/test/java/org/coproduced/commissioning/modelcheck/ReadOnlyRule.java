package org.coproduced.commissioning.modelcheck;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;

/**
 * The rule for current models: an expression may read a value ({@code ${involvementSchedule.reminderAfter()}},
 * a collection, a condition) but holds no logic. It sets no variable, hands the engine's
 * {@code execution} or {@code task} to a bean, and chains no calls; work like that belongs in a
 * listener or delegate bean named with {@code camunda:delegateExpression}.
 */
final class ReadOnlyRule {

  private ReadOnlyRule() {}

  static List<String> breaches(ModelExpression expression) {
    List<String> breaches = new ArrayList<>();
    if (expression.text().contains("setVariable")) {
      breaches.add("sets a variable");
    }
    Node root = new Builder(Builder.Feature.METHOD_INVOCATIONS).build(expression.text()).getRoot();
    for (ExpressionTree.Call call : ExpressionTree.calls(root)) {
      for (Node argument : call.argumentNodes()) {
        if (argument instanceof AstIdentifier name && ExpressionCheck.ENGINE_NAMES.containsKey(name.getName())) {
          breaches.add("passes " + name.getName() + " to " + call.target() + "." + call.method());
        }
      }
      if (call.depth() > 0) {
        breaches.add("chains calls: " + call.target() + "." + call.method() + " inside another call");
      }
    }
    return breaches;
  }
}
