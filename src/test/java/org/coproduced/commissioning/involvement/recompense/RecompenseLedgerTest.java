package org.coproduced.commissioning.involvement.recompense;

import org.coproduced.commissioning.involvement.InvolvementFormValues;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationStatus;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import static org.assertj.core.api.Assertions.assertThat;
import static org.coproduced.commissioning.support.PoolFixtures.expenses;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.coproduced.commissioning.experts.Expert;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.coproduced.commissioning.support.ApplicationTest;
import org.coproduced.commissioning.support.PoolFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The recompense ledger: each expert is owed in the form they chose, at the value of the decision
 * table, with approved expenses; payments are recorded; and the coordinator is warned when
 * payments in 52 weeks approach the £1,000 that may affect benefits (at 80%, £800).
 */
@ApplicationTest
class RecompenseLedgerTest {

  @Autowired ApplicationContext context;
  @Autowired RecompenseLedger ledger;
  @Autowired RecompenseRecorder recorder;
  @Autowired RecompenseRates rates;
  @Autowired BenefitsRules benefits;
  @Autowired InvolvementRequestRepository requests;
  @Autowired InvolvementFormValues formValues;
  @Autowired HistoryService history;

  PoolFixtures fixtures;
  long cycleId;
  LocalDate today;

  @BeforeEach
  void setUp() {
    fixtures = new PoolFixtures(context);
    cycleId = fixtures.cycle("Ledger test");
    today = ProcessClock.today();
  }

  @AfterEach
  void retire() {
    fixtures.retireAll();
  }

  @ParameterizedTest(name = "{0}: {1} £{2}")
  @CsvSource({
      "payment,  PAYMENT,  53.80",
      "voucher,  VOUCHER,  53.80",
      "training, TRAINING, 53.80",
      "none,     NONE,     0.00"})
  void eachExpertIsOwedInTheFormTheyChoseAndExpensesAlways(String preference, String kind, BigDecimal amount) {
    Expert expert = fixtures.expert(preference, "homelessness");
    long request = fixtures.session(cycleId, "ANALYSE", today.minusDays(1), "10:00", 3, "in-person", 2, "homelessness");
    fixtures.attended(request, expert, 3, 1, expenses("7.40", "20.00", "5.50"));

    recorder.recordOwed(request);

    LedgerEntry entry = ledger.entriesFor(expert.id()).get(0);
    assertThat(entry.kind()).isEqualTo(kind);
    assertThat(entry.amount()).isEqualByComparingTo(amount);
    assertThat(entry.expenses()).isEqualByComparingTo("32.90");
    assertThat(entry.expensesTravel()).isEqualByComparingTo("7.40");
    assertThat(entry.expensesChildcare()).isEqualByComparingTo("20.00");
    assertThat(entry.expensesSubsistence()).isEqualByComparingTo("5.50");
    assertThat(entry.expensesApprovedBy()).isEqualTo("coordinator");
    assertThat(entry.status()).isEqualTo(RecompenseStatus.OWED);
    assertThat(ledger.owedTo(expert.id())).isEqualByComparingTo(amount.add(new BigDecimal("32.90")));
  }

  @Test
  void theValueOfTheSessionComesFromTheDecisionTable() {
    Expert expert = fixtures.expert("payment", "homelessness");
    long request = fixtures.session(cycleId, "EVALUATION", today.minusDays(1), "10:00", 1, "in-person", 2, "homelessness");
    fixtures.attended(request, expert, 1, 0, InvitationRepository.Expenses.NONE);

    recorder.recordOwed(request);

    LedgerEntry entry = ledger.entriesFor(expert.id()).get(0);
    assertThat(entry.paidHours()).isEqualByComparingTo("4");
    assertThat(entry.amount()).isEqualByComparingTo("53.80");
    assertThat(entry.basis()).startsWith("Scoring bids in person");
  }

  @Test
  void recordingAgainAddsNothingTwice() {
    Expert expert = fixtures.expert("payment", "homelessness");
    long request = fixtures.session(cycleId, "ANALYSE", today.minusDays(1), "10:00", 2, "online", 2, "homelessness");
    fixtures.attended(request, expert, 2, 0, InvitationRepository.Expenses.NONE);

    recorder.recordOwed(request);
    recorder.recordOwed(request);

    assertThat(ledger.entriesFor(expert.id())).hasSize(1);
    assertThat(ledger.totalOwedFor(request)).isEqualByComparingTo("26.90");
  }

  @Test
  void someoneWhoCouldNotComeStillGetsTheirApprovedExpensesBack() {
    Expert came = fixtures.expert("payment", "homelessness");
    Expert turnedBack = fixtures.expert("payment", "homelessness");
    Expert stayedHome = fixtures.expert("payment", "homelessness");
    long request = fixtures.session(cycleId, "ANALYSE", today.minusDays(1), "10:00", 2, "online", 3, "homelessness");
    fixtures.attended(request, came, 2, 0, InvitationRepository.Expenses.NONE);
    context.getBean(InvitationRepository.class).recordAttendance(
        fixtures.booked(request, turnedBack, InvitationStatus.ACCEPTED), false, 0, 0, expenses("12.00", "0", "0"),
        "Train", "coordinator");
    context.getBean(InvitationRepository.class).recordAttendance(
        fixtures.booked(request, stayedHome, InvitationStatus.ACCEPTED), false, 0, 0, InvitationRepository.Expenses.NONE,
        null, "coordinator");

    recorder.recordOwed(request);

    assertThat(ledger.entriesFor(turnedBack.id())).singleElement().satisfies(entry -> {
      assertThat(entry.amount()).isEqualByComparingTo("0");
      assertThat(entry.expenses()).isEqualByComparingTo("12.00");
    });
    assertThat(ledger.entriesFor(stayedHome.id())).isEmpty();
  }

  @Test
  void aPaymentIsRecordedOnce() {
    Expert expert = fixtures.expert("voucher", "homelessness");
    long request = fixtures.session(cycleId, "ANALYSE", today.minusDays(1), "10:00", 2, "online", 2, "homelessness");
    fixtures.attended(request, expert, 2, 0, expenses("3.00", "0", "0"));
    recorder.recordOwed(request);
    LedgerEntry entry = ledger.entriesFor(expert.id()).get(0);

    assertThat(ledger.markPaid(entry.id(), today, "coordinator")).isTrue();
    assertThat(ledger.markPaid(entry.id(), today, "coordinator")).isFalse();

    LedgerEntry paid = ledger.findEntry(entry.id()).orElseThrow();
    assertThat(paid.isPaid()).isTrue();
    assertThat(paid.paidOn()).isEqualTo(today);
    assertThat(paid.paidBy()).isEqualTo("coordinator");
    assertThat(ledger.owedTo(expert.id())).isEqualByComparingTo("0");
  }

  /** Eight-hour online sessions are worth £107.60 each. */
  @ParameterizedTest(name = "{0} sessions of £107.60, {1}: warn {2}, reached {3}")
  @CsvSource({
      "7,  payment,  false, false",
      "8,  payment,  true,  false",
      "8,  voucher,  true,  false",
      "10, payment,  true,  true",
      "10, training, false, false"})
  void theCoordinatorIsWarnedAsPaymentsApproachTheBenefitsThreshold(int sessions, String preference, boolean warn,
      boolean reached) {
    Expert expert = fixtures.expert(preference, "homelessness");
    for (int i = 0; i < sessions; i++) {
      long request = fixtures.session(cycleId, "ANALYSE", today.minusWeeks(2L + i * 4L), "10:00", 8, "online", 1,
          "homelessness");
      fixtures.attended(request, expert, 8, 0, InvitationRepository.Expenses.NONE);
      recorder.recordOwed(request);
    }

    BenefitsCheck check = benefits.benefitsCheck(expert.id(), today);

    assertThat(check.warn()).isEqualTo(warn);
    assertThat(check.reached()).isEqualTo(reached);
    assertThat(check.warningAmount()).isEqualByComparingTo("800.00");
    assertThat(check.message()).isEqualTo(warn ? check.message() : "");
    if (warn) {
      assertThat(check.message()).contains("£" + check.total().toPlainString()).contains("£1000.00")
          .contains("benefits advice");
    }
  }

  @Test
  void onlyTheLast52WeeksAndNotExpensesCount() {
    Expert expert = fixtures.expert("payment", "homelessness");
    for (int i = 0; i < 6; i++) {
      long request = fixtures.session(cycleId, "ANALYSE", today.minusWeeks(2L + i), "10:00", 8, "online", 1,
          "homelessness");
      fixtures.attended(request, expert, 8, 0, expenses("100.00", "0", "0"));
      recorder.recordOwed(request);
    }
    for (int i = 0; i < 3; i++) {
      long old = fixtures.session(cycleId, "ANALYSE", today.minusWeeks(53L + i), "10:00", 8, "online", 1,
          "homelessness");
      fixtures.attended(old, expert, 8, 0, InvitationRepository.Expenses.NONE);
      recorder.recordOwed(old);
    }

    BenefitsCheck check = benefits.benefitsCheck(expert.id(), today);

    assertThat(check.total()).isEqualByComparingTo("645.60");
    assertThat(check.warn()).isFalse();
  }

  @Test
  void thePoolPagesWholePoolReadsEqualEachExpertsOwn() {
    Expert paidOften = fixtures.expert("payment", "homelessness");
    Expert voucher = fixtures.expert("voucher", "homelessness");
    Expert neverCame = fixtures.expert("payment", "homelessness");
    for (int i = 0; i < 9; i++) {
      long request = fixtures.session(cycleId, "ANALYSE", today.minusWeeks(2L + i * 4L), "10:00", 8, "online", 2,
          "homelessness");
      fixtures.attended(request, paidOften, 8, 0, expenses("12.50", "0", "0"));
      if (i % 3 == 0) {
        fixtures.attended(request, voucher, 8, 0, InvitationRepository.Expenses.NONE);
      }
      recorder.recordOwed(request);
    }
    long old = fixtures.session(cycleId, "ANALYSE", today.minusWeeks(60), "10:00", 8, "online", 1, "homelessness");
    fixtures.attended(old, voucher, 8, 0, InvitationRepository.Expenses.NONE);
    recorder.recordOwed(old);
    ledger.findEntry(ledger.entriesFor(paidOften.id()).get(0).id()).ifPresent(e ->
        ledger.markPaid(e.id(), today, "coordinator"));

    java.util.Map<Long, BigDecimal> owed = ledger.owedByExpert();
    java.util.Map<Long, BenefitsCheck> checks = benefits.benefitsChecks(today);

    for (Expert expert : List.of(paidOften, voucher, neverCame)) {
      assertThat(owed.getOrDefault(expert.id(), new BigDecimal("0.00"))).as(expert.ref())
          .isEqualTo(ledger.owedTo(expert.id()));
      assertThat(checks.getOrDefault(expert.id(), benefits.nothingPaid(today))).as(expert.ref())
          .isEqualTo(benefits.benefitsCheck(expert.id(), today));
    }
    assertThat(checks.get(paidOften.id()).warn()).isTrue();
    assertThat(owed.get(paidOften.id())).isPositive();
    assertThat(owed).doesNotContainKey(neverCame.id());
  }

  @Test
  void aComingSessionThatWouldReachTheWarningShowsBeforeItIsHeld() {
    Expert expert = fixtures.expert("payment", "homelessness");
    for (int i = 0; i < 7; i++) {
      long request = fixtures.session(cycleId, "ANALYSE", today.minusWeeks(2L + i), "10:00", 8, "online", 1,
          "homelessness");
      fixtures.attended(request, expert, 8, 0, InvitationRepository.Expenses.NONE);
      recorder.recordOwed(request);
    }
    long coming = fixtures.session(cycleId, "ANALYSE", today.plusDays(20), "10:00", 8, "online", 1, "homelessness");
    long invitation = fixtures.booked(coming, expert, InvitationStatus.ACCEPTED);

    assertThat(benefits.benefitsCheck(expert.id(), today).warn()).isFalse();
    assertThat(benefits.benefitsCheckDue(List.of(expert), requests.get(coming))).containsExactly(expert.ref());
    assertThat(formValues.benefitsWarning(invitation)).startsWith("With this session, " + expert.ref() + " has £860.80");
  }

  @Test
  void expertsWhoGaveTheSameHoursShareOneDecisionAndTheAuditSeesIt() {
    Expert first = fixtures.expert("payment", "homelessness");
    Expert second = fixtures.expert("voucher", "homelessness");
    Expert longer = fixtures.expert("payment", "homelessness");
    long request = fixtures.session(cycleId, "ANALYSE", today.minusDays(1), "10:00", 2, "online", 3, "homelessness");
    fixtures.attended(request, first, 2, 0, InvitationRepository.Expenses.NONE);
    fixtures.attended(request, second, 2, 0, InvitationRepository.Expenses.NONE);
    fixtures.attended(request, longer, 3, 1, InvitationRepository.Expenses.NONE);
    long decisionsBefore = decisionsEvaluated();

    recorder.recordOwed(request);

    assertThat(decisionsEvaluated() - decisionsBefore).as("one decision for 2 hours, one for 3 hours and 1 preparing")
        .isEqualTo(2);
    assertThat(ledger.entriesFor(first.id()).get(0).amount()).isEqualByComparingTo("26.90");
    assertThat(ledger.entriesFor(second.id()).get(0).amount()).isEqualByComparingTo("26.90");
    assertThat(ledger.entriesFor(longer.id()).get(0).amount()).isGreaterThan(new BigDecimal("26.90"));
  }

  @Test
  void showingWhatASessionIsWorthGivesTheTablesAnswerWithoutAddingToTheDecisionHistory() {
    RecompenseRates.Rate decided = rates.rate("CODESIGN", "in-person", 5, 0);
    rates.expectedRate("CODESIGN", "in-person", 5, 0);
    long decisionsBefore = decisionsEvaluated();

    for (int shown = 0; shown < 3; shown++) {
      assertThat(rates.expectedRate("CODESIGN", "in-person", 5, 0)).isEqualTo(decided);
    }

    assertThat(decisionsEvaluated()).isEqualTo(decisionsBefore);
  }

  private long decisionsEvaluated() {
    return history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(RecompenseRates.DECISION).count();
  }
}
