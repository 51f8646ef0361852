package org.coproduced.commissioning.decisions;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.List;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.FeelEngine.UnaryTests$;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * The engine's FEEL engine, parsing each expression once. Camunda's own integration parses the
 * text of every input, rule and output again at each evaluation, and parsing costs far more than
 * evaluating: for the recompense table it was most of the time a decision took. Evaluation is
 * the FEEL engine's own, on the same variables and with the same failures, so decisions decide
 * exactly as before.
 */
public class CachingFeelEngine extends ScalaFeelEngine {

  private final ParsedFeelCache expressions;
  private final ParsedFeelCache unaryTests;

  public CachingFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
    super(functionProviders);
    expressions = new ParsedFeelCache(feelEngine::parseExpression);
    unaryTests = new ParsedFeelCache(feelEngine::parseUnaryTests);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
    Context context = context(new ContextVariableWrapper(variableContext));
    return (T) valueOf(evaluate(expressions.get(expression), context));
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
    // The tests compare against the input, which the FEEL engine finds under a name of its own.
    StaticVariableProvider input = new StaticVariableProvider(
        new Map.Map1<>(UnaryTests$.MODULE$.inputVariable(), inputVariable));
    Context context = context(new CompositeVariableProvider(
        toScalaList(input, new ContextVariableWrapper(variableContext))));
    return BoxesRunTime.unboxToBoolean(valueOf(evaluate(unaryTests.get(expression), context)));
  }

  int parsedExpressions() {
    return expressions.size() + unaryTests.size();
  }

  private Either<Failure, Object> evaluate(Either<Failure, ParsedExpression> parsed, Context context) {
    if (parsed instanceof Right<Failure, ParsedExpression> right) {
      return feelEngine.eval(right.value(), context);
    }
    return new Left<>(((Left<Failure, ParsedExpression>) parsed).value());
  }

  private static Object valueOf(Either<Failure, Object> result) {
    if (result instanceof Right<Failure, Object> right) {
      return right.value();
    }
    throw LOGGER.evaluationException(((Left<Failure, Object>) result).value().message());
  }

  private static Context context(VariableProvider variables) {
    return new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return variables;
      }
    };
  }
}
