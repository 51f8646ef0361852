package org.coproduced.commissioning.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.coproduced.commissioning.experts.AsApplication;
import org.coproduced.commissioning.involvement.recompense.RecompenseRates;
import org.coproduced.commissioning.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's decision tables use FEEL parsed once per expression, and decide exactly what the
 * FEEL engine decides without it: the same answers, the same failures.
 */
@ApplicationTest
class CachingFeelEngineTest {

  static final List<String> STAGES = List.of("ANALYSE", "CODESIGN", "EVALUATION", "COEVALUATION");
  static final List<String> FORMATS = List.of("in-person", "online", "phone", "mixed");

  @Autowired ProcessEngine engine;
  @Autowired DecisionService decisions;

  @Test
  void theEnginesDecisionsUseTheCachingFeelEngine() {
    assertThat(engineFeel()).isInstanceOf(CachingFeelEngine.class);
  }

  @Test
  void theRecompenseTableDecidesAsTheUncachedFeelEngineDoesForEveryStageFormatAndLength() throws Exception {
    DmnEngine plain = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    DmnDecision table;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("processes/recompense-rate.dmn")) {
      table = plain.parseDecision(RecompenseRates.DECISION, in);
    }
    for (String stage : STAGES) {
      for (String format : FORMATS) {
        for (int hours = 0; hours <= 8; hours += 2) {
          for (int preparation = 0; preparation <= 3; preparation++) {
            Map<String, Object> inputs = Variables.createVariables().putValue("stage", stage)
                .putValue("sessionFormat", format).putValue("durationHours", hours)
                .putValue("preparationHours", preparation).putValue("hourlyRate", 13.45);
            DmnDecisionResultEntries expected = plain.evaluateDecision(table, inputs).getSingleResult();
            DmnDecisionResultEntries decided = AsApplication.call(() ->
                decisions.evaluateDecisionByKey(RecompenseRates.DECISION).variables(inputs).evaluate()
                    .getSingleResult());
            assertThat(decided.getEntryMap()).as("%s, %s, %d hours, %d preparing", stage, format, hours, preparation)
                .isEqualTo(expected.getEntryMap());
          }
        }
      }
    }
  }

  @Test
  void eachExpressionIsParsedOnceHoweverOftenItIsEvaluated() {
    CachingFeelEngine feel = new CachingFeelEngine(List.of());
    VariableContext variables = Variables.createVariables().putValue("hours", 3).asVariableContext();

    assertThat((Object) feel.evaluateSimpleExpression("max(hours, 2) + 2", variables)).isEqualTo(5L);
    assertThat(feel.evaluateSimpleUnaryTests("< 4", "hours", variables)).isTrue();
    int parsed = feel.parsedExpressions();
    for (int again = 0; again < 5; again++) {
      assertThat((Object) feel.evaluateSimpleExpression("max(hours, 2) + 2", variables)).isEqualTo(5L);
      assertThat(feel.evaluateSimpleUnaryTests("< 4", "hours", variables)).isTrue();
      assertThat(feel.evaluateSimpleUnaryTests("> 4", "hours", variables)).isFalse();
    }

    assertThat(parsed).isEqualTo(2);
    assertThat(feel.parsedExpressions()).isEqualTo(3);
  }

  @Test
  void anExpressionThatCannotBeParsedOrEvaluatedFailsAsWithoutTheCache() {
    ScalaFeelEngine plain = new ScalaFeelEngine(List.of());
    CachingFeelEngine cached = new CachingFeelEngine(List.of());
    VariableContext variables = Variables.createVariables().putValue("hours", 3).asVariableContext();

    for (String broken : List.of("max(hours, ", "hours +", "\"unclosed")) {
      FeelException expected = catchThrowableOfType(() -> plain.evaluateSimpleExpression(broken, variables),
          FeelException.class);
      for (int attempt = 0; attempt < 2; attempt++) {
        FeelException failure = catchThrowableOfType(() -> cached.evaluateSimpleExpression(broken, variables),
            FeelException.class);
        assertThat(failure).as(broken).isNotNull().hasMessage(expected.getMessage());
      }
    }
    FeelException expected = catchThrowableOfType(() -> plain.evaluateSimpleUnaryTests("< ", "hours", variables),
        FeelException.class);
    assertThat(catchThrowableOfType(() -> cached.evaluateSimpleUnaryTests("< ", "hours", variables),
        FeelException.class)).hasMessage(expected.getMessage());
    assertThat(cached.parsedExpressions()).isZero();
  }

  private Object engineFeel() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDmnEngineConfiguration()
        .getFeelEngine();
  }
}
