package org.coproduced.commissioning.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.coproduced.commissioning.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Every expression in every model resolves against the application: the models deployed now
 * ({@code processes/}) and those of the previous release, which running instances still use
 * ({@code released/0.1.0/processes/}, see the README there). A renamed bean or method fails here,
 * not in a cycle that reaches that step months later.
 */
@ApplicationTest
class ModelExpressionsTest {

  static final String CURRENT = "processes";
  static final String RELEASED = "released/0.1.0/processes";

  @Autowired ApplicationContext context;

  @Test
  void everyExpressionInTheCurrentModelsResolves() throws Exception {
    List<ModelExpression> expressions = expressions(CURRENT);

    assertThat(problems(expressions, new ExpressionCheck(context)::problems)).isEmpty();
    // The search sees every kind of place an expression may sit, so "no problems" means something.
    assertThat(expressions).extracting(e -> e.place().replaceAll("\\[.*", ""))
        .contains("serviceTask@delegateExpression", "taskListener@delegateExpression",
            "executionListener@delegateExpression", "conditionExpression", "multiInstanceLoopCharacteristics@collection",
            "timeDate", "timeDuration", "inputParameter", "failedJobRetryTimeCycle", "userTask@assignee", "in@businessKey");
  }

  @Test
  void everyExpressionInThePreviousReleaseStillResolves() throws Exception {
    List<ModelExpression> expressions = expressions(RELEASED);

    assertThat(problems(expressions, new ExpressionCheck(context)::problems)).isEmpty();
    assertThat(expressions).extracting(ModelExpression::text)
        .contains("${stageUpdates.stageFinished(execution, 'PLAN')}",
            "${execution.setVariableLocal('bidName', procurementService.bidName(bidId))}");
  }

  @Test
  void theCurrentModelsOnlyReadValuesInExpressions() throws Exception {
    assertThat(problems(expressions(CURRENT), ReadOnlyRule::breaches)).isEmpty();
  }

  @Test
  void aMissingBeanOrMethodAndLogicInAnExpressionAreCaught() throws Exception {
    List<ModelExpression> expressions = expressions("modelcheck/expressions");

    assertThat(problems(expressions, new ExpressionCheck(context)::problems)).containsExactlyInAnyOrder(
        "unresolvable.bpmn Activity_UnknownDelegate: no bean 'noSuchDelegate'",
        "unresolvable.bpmn Activity_ListenerAsDelegate: bean 'bidScoreListener' is not a JavaDelegate",
        "unresolvable.bpmn Activity_UnknownMethod: calls procurementService.noSuchMethod(1 argument(s)) but ProcurementService has no"
            + " method noSuchMethod with 1 argument(s)",
        "unresolvable.bpmn TimerEventDefinition_UnknownSchedule: calls noSuchSchedule.reminderAfter(0 argument(s)) but there is no bean 'noSuchSchedule'",
        "unresolvable.bpmn Activity_EngineMethodMissing: calls execution.noSuchMethod(0 argument(s)) but DelegateExecution has no"
            + " method noSuchMethod with 0 argument(s)",
        "unresolvable.bpmn Flow_WrongArity: calls procurementService.bidIds(2 argument(s)) but ProcurementService has no method bidIds"
            + " with 2 argument(s)");
    assertThat(problems(expressions, ReadOnlyRule::breaches)).containsExactlyInAnyOrder(
        "unresolvable.bpmn Activity_EngineMethodMissing: chains calls: feedbackQueries.contributionRef inside another call",
        "unresolvable.bpmn Flow_SetsVariable: sets a variable",
        "unresolvable.bpmn Flow_PassesExecution: passes execution to stageUpdates.stageFinished");
  }

  private static List<String> problems(List<ModelExpression> expressions, Function<ModelExpression, List<String>> check) {
    List<String> problems = new ArrayList<>();
    for (ModelExpression expression : expressions) {
      check.apply(expression).forEach(problem -> problems.add(expression.model() + " " + expression.elementId() + ": " + problem));
    }
    return problems;
  }

  /** Every expression of every model in a folder of the test classpath. */
  static List<ModelExpression> expressions(String folder) throws IOException, URISyntaxException {
    Path directory = Path.of(ModelExpressionsTest.class.getClassLoader().getResource(folder).toURI());
    try (Stream<Path> models = Files.list(directory)) {
      List<Path> bpmn = models.filter(model -> model.toString().endsWith(".bpmn")).sorted().toList();
      assertThat(bpmn).as("models in %s", folder).isNotEmpty();
      return bpmn.stream().flatMap(model -> ModelExpressions.in(model).stream()).toList();
    }
  }
}
