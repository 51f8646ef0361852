package org.coproduced.commissioning.involvement.recompense;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decision table {@code processes/recompense-rate.dmn} on its own, at the real living wage
 * (£13.45 an hour): what a session is worth by stage, format, hours at the session and preparing.
 */
class RecompenseRateTest {

  static final String FILE = "processes/recompense-rate.dmn";
  static DmnEngine engine;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = RecompenseRateTest.class.getClassLoader().getResourceAsStream(FILE)) {
      decision = engine.parseDecision(RecompenseRates.DECISION, in);
    }
  }

  @ParameterizedTest(name = "{0}, {1}, {2} h at the session, {3} h preparing: {4} h, £{5}")
  @CsvSource(delimiter = '|', value = {
      "ANALYSE      | in-person | 3 | 0 | 3  | 40.35  | The hours at the session and the hours preparing for it",
      "ANALYSE      | in-person | 1 | 0 | 2  | 26.90  | In person: at least 2 hours for the session",
      "CODESIGN     | mixed     | 1 | 1 | 3  | 40.35  | In person: at least 2 hours for the session",
      "CODESIGN     | online    | 1 | 0 | 1  | 13.45  | The hours at the session and the hours preparing for it",
      "CODESIGN     | phone     | 2 | 1 | 3  | 40.35  | The hours at the session and the hours preparing for it",
      "EVALUATION   | in-person | 3 | 0 | 5  | 67.25  | Scoring bids in person",
      "EVALUATION   | in-person | 1 | 1 | 4  | 53.80  | Scoring bids in person",
      "EVALUATION   | online    | 2 | 1 | 4  | 53.80  | Scoring bids: the hours at the session and at least 2 hours",
      "EVALUATION   | phone     | 2 | 4 | 6  | 80.70  | The hours at the session and the hours preparing for it",
      "EVALUATION   | in-person | 2 | 3 | 5  | 67.25  | The hours at the session and the hours preparing for it",
      "COEVALUATION | phone     | 8 | 2 | 10 | 134.50 | The hours at the session and the hours preparing for it",
      "COEVALUATION | in-person | 0 | 0 | 2  | 26.90  | In person: at least 2 hours for the session"})
  void aSessionIsWorthItsHoursAtTheRealLivingWage(String stage, String format, int hours, int preparation,
      BigDecimal paidHours, BigDecimal amount, String basis) {
    DmnDecisionResultEntries result = evaluate(stage, format, hours, preparation, 13.45);

    assertThat(money(result.getEntry("paidHours"))).isEqualByComparingTo(paidHours);
    assertThat(money(result.getEntry("amount"))).isEqualByComparingTo(amount);
    assertThat((String) result.getEntry("basis")).startsWith(basis);
  }

  @Test
  void theHourlyRateComesFromTheSetting() {
    assertThat(money(evaluate("ANALYSE", "online", 2, 0, 15.00).getEntry("amount"))).isEqualByComparingTo("30.00");
    assertThat(money(evaluate("ANALYSE", "online", 2, 0, 12.60).getEntry("amount"))).isEqualByComparingTo("25.20");
  }

  @Test
  void theTableOpensInModelerAndKeepsItsHistoryForFiveYears() throws Exception {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(FILE)) {
      DmnModelInstance model = Dmn.readModelFromStream(in);
      Decision table = model.getModelElementById(RecompenseRates.DECISION);
      assertThat(table.getCamundaHistoryTimeToLiveString()).isEqualTo("P1825D");
    }
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(FILE)) {
      var document = javax.xml.parsers.DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().parse(in);
      var shapes = document.getElementsByTagNameNS("https://www.omg.org/spec/DMN/20191111/DMNDI/", "DMNShape");
      assertThat(shapes.getLength()).as("diagram interchange, so Modeler draws the decision").isEqualTo(1);
      assertThat(shapes.item(0).getAttributes().getNamedItem("dmnElementRef").getNodeValue())
          .isEqualTo(RecompenseRates.DECISION);
    }
  }

  private static DmnDecisionResultEntries evaluate(String stage, String format, int hours, int preparation,
      double rate) {
    return engine.evaluateDecision(decision, Variables.createVariables().putValue("stage", stage)
        .putValue("sessionFormat", format).putValue("durationHours", hours).putValue("preparationHours", preparation)
        .putValue("hourlyRate", rate)).getSingleResult();
  }

  private static BigDecimal money(Object value) {
    return new BigDecimal(String.valueOf(value)).setScale(2, RoundingMode.HALF_UP);
  }
}
