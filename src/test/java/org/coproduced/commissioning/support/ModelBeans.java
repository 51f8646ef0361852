package org.coproduced.commissioning.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.mockito.Mockito;
import org.mockito.invocation.InvocationOnMock;

/**
 * Mockito mocks for every bean a BPMN model's expressions name, registered with camunda's
 * {@link Mocks} so that the model runs on a bare engine without the application. The names are
 * read from the model file, so a bean renamed in the model needs no change here. A test stubs only
 * what its path needs, by method name ({@link #returns}): the collections of multi-instance
 * activities, the values of conditions and timers; everything else answers Mockito's defaults
 * (null, 0, false, empty collections) and does nothing.
 */
public final class ModelBeans {

  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern STRING_LITERAL = Pattern.compile("'[^']*'|\"[^\"]*\"");
  /** A name at the start of a member access ({@code feedbackQueries.} but not {@code x.feedbackQueries.}). */
  private static final Pattern BEAN_CALL = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)\\s*\\.");
  /** The whole of a delegate expression: {@code delegateExpression="${sendMessageDelegate}"}. */
  private static final Pattern DELEGATE = Pattern.compile("delegateExpression=\"[$#]\\{\\s*([A-Za-z_]\\w*)\\s*}\"");
  /** What the engine itself provides to expressions. */
  private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "authenticatedUserId", "variableScope");

  private final Map<String, Object> beans = new HashMap<>();
  private final Map<String, Function<InvocationOnMock, Object>> answers = new HashMap<>();

  private ModelBeans() {}

  /** Registers a mock for each bean the given model files (classpath resources) name. */
  public static ModelBeans mockAllIn(String... modelResources) {
    ModelBeans mocks = new ModelBeans();
    for (String resource : modelResources) {
      for (String name : beanNames(read(resource))) {
        mocks.beans.computeIfAbsent(name, mocks::mockFor);
      }
    }
    mocks.beans.forEach(Mocks::register);
    return mocks;
  }

  /** From now on every mocked bean's method of this name returns the value. */
  public ModelBeans returns(String methodName, Object value) {
    return answers(methodName, invocation -> value);
  }

  /** From now on every mocked bean's method of this name answers with the function. */
  public ModelBeans answers(String methodName, Function<InvocationOnMock, Object> answer) {
    answers.put(methodName, answer);
    return this;
  }

  /** The mock registered under the name, e.g. to verify that a delegate ran. */
  @SuppressWarnings("unchecked")
  public <T> T bean(String name) {
    Object bean = beans.get(name);
    if (bean == null) {
      throw new IllegalArgumentException("The models name no bean " + name + "; they name " + beans.keySet());
    }
    return (T) bean;
  }

  /** The names the model's expressions call methods on or use as delegates, in order. */
  static Set<String> beanNames(String model) {
    Set<String> names = new TreeSet<>();
    Matcher delegate = DELEGATE.matcher(model);
    while (delegate.find()) {
      names.add(delegate.group(1));
    }
    Matcher expression = EXPRESSION.matcher(model);
    while (expression.find()) {
      Matcher call = BEAN_CALL.matcher(STRING_LITERAL.matcher(expression.group(1)).replaceAll("''"));
      while (call.find()) {
        names.add(call.group(1));
      }
    }
    names.removeAll(ENGINE_NAMES);
    return names;
  }

  /**
   * A mock of the bean's own class where the application has one of that name, so that methods
   * the model calls exist; otherwise one that can stand for any delegate or listener.
   */
  private Object mockFor(String name) {
    Class<?> type = ApplicationBeanTypes.typeOf(name);
    if (type == null) {
      return Mockito.mock(JavaDelegate.class, Mockito.withSettings()
          .extraInterfaces(TaskListener.class, ExecutionListener.class).defaultAnswer(this::answer));
    }
    return Mockito.mock(type, Mockito.withSettings().defaultAnswer(this::answer));
  }

  private Object answer(InvocationOnMock invocation) throws Throwable {
    Function<InvocationOnMock, Object> answer = answers.get(invocation.getMethod().getName());
    if (answer == null) {
      return Mockito.RETURNS_DEFAULTS.answer(invocation);
    }
    Object value = answer.apply(invocation);
    return value instanceof Number number ? asType(number, invocation.getMethod().getReturnType()) : value;
  }

  /** A stubbed count fits whichever number type the bean's method returns (int, long, ...). */
  private static Object asType(Number number, Class<?> type) {
    if (type == int.class || type == Integer.class) {
      return number.intValue();
    }
    if (type == long.class || type == Long.class) {
      return number.longValue();
    }
    if (type == double.class || type == Double.class) {
      return number.doubleValue();
    }
    return number;
  }

  private static String read(String resource) {
    try (InputStream in = ModelBeans.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("No model on the class path at " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
