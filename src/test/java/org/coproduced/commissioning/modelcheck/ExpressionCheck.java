package org.coproduced.commissioning.modelcheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * Resolves an expression against the application, as the engine would when it runs: each bean
 * it names must exist, each method it calls on a bean (or on {@code execution} or {@code task})
 * must exist with that many arguments, and a delegate expression must name a bean of the right
 * kind. Parsed with the engine's own expression parser, so it reads exactly what the engine reads.
 * Returns what is wrong, in words; an empty list means it resolves.
 */
final class ExpressionCheck {

  /** Names the engine itself provides to expressions, and their types. */
  static final Map<String, Class<?>> ENGINE_NAMES = Map.of("execution", DelegateExecution.class, "task", DelegateTask.class);

  private final ApplicationContext context;

  ExpressionCheck(ApplicationContext context) {
    this.context = context;
  }

  List<String> problems(ModelExpression expression) {
    List<String> problems = new ArrayList<>();
    Node root = new Builder(Builder.Feature.METHOD_INVOCATIONS).build(expression.text()).getRoot();
    if (expression.isDelegateExpression()) {
      checkDelegate(expression, root.getChild(0), problems);
    }
    ExpressionTree.calls(root).forEach(call -> checkCall(call, problems));
    return problems;
  }

  private void checkDelegate(ModelExpression expression, Node node, List<String> problems) {
    if (!(node instanceof AstIdentifier bean)) {
      problems.add("a delegate expression must name one bean");
    } else if (!context.containsBean(bean.getName())) {
      problems.add("no bean '" + bean.getName() + "'");
    } else {
      Class<?> type = context.getType(bean.getName());
      List<Class<?>> kinds = switch (expression.place().substring(0, expression.place().indexOf('@'))) {
        case "taskListener" -> List.of(TaskListener.class);
        case "executionListener" -> List.of(ExecutionListener.class, JavaDelegate.class);
        default -> List.of(JavaDelegate.class);
      };
      if (kinds.stream().noneMatch(kind -> kind.isAssignableFrom(type))) {
        problems.add("bean '" + bean.getName() + "' is not a " + kinds.get(0).getSimpleName());
      }
    }
  }

  private void checkCall(ExpressionTree.Call call, List<String> problems) {
    Class<?> type = ENGINE_NAMES.get(call.target());
    if (type == null && !context.containsBean(call.target())) {
      problems.add("calls " + call + " but there is no bean '" + call.target() + "'");
      return;
    }
    Class<?> targetType = type != null ? type : ClassUtils.getUserClass(context.getType(call.target()));
    boolean found = Arrays.stream(targetType.getMethods()).anyMatch(m -> m.getName().equals(call.method())
        && (m.getParameterCount() == call.arguments() || m.isVarArgs() && call.arguments() >= m.getParameterCount() - 1));
    if (!found) {
      problems.add("calls " + call + " but " + targetType.getSimpleName() + " has no method "
          + call.method() + " with " + call.arguments() + " argument(s)");
    }
  }
}
