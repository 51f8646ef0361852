package org.coproduced.commissioning.involvement.recompense;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.coproduced.commissioning.experts.Expert;
import org.coproduced.commissioning.records.CycleRecords;
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
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Work outside sessions in the ledger: a review round and a mediation meeting are owed in the
 * form each expert chose, at the hourly rate, for the configured hours or the hours a coordinator
 * recorded; recording again adds nothing, and the database itself refuses a second entry that
 * another node might add at the same moment.
 */
@ApplicationTest
class WorkRecorderTest {

  @Autowired ApplicationContext context;
  @Autowired WorkRecorder work;
  @Autowired RecompenseLedger ledger;
  @Autowired RecompenseProperties properties;
  @Autowired JdbcClient jdbc;
  @Autowired List<CycleRecords> cycleRecords;

  PoolFixtures fixtures;
  long cycleId;
  LocalDate today;

  @BeforeEach
  void setUp() {
    fixtures = new PoolFixtures(context);
    cycleId = fixtures.cycle("Work recorder test");
    today = ProcessClock.today();
  }

  @AfterEach
  void retire() {
    fixtures.retireAll();
  }

  @ParameterizedTest(name = "{0}: {1} £{2}")
  @CsvSource({
      "payment,  PAYMENT,  26.90",
      "voucher,  VOUCHER,  26.90",
      "training, TRAINING, 26.90",
      "none,     NONE,     0.00"})
  void aReviewRoundIsOwedTheConfiguredHoursInTheFormTheyChose(String preference, String kind, BigDecimal amount) {
    Expert expert = fixtures.expert(preference, "homelessness");

    work.recordSpecificationReview(cycleId, 1, expert.ref(), null, today);

    LedgerEntry entry = ledger.entriesFor(expert.id()).get(0);
    assertThat(properties.specificationReviewHours()).isEqualTo(2);
    assertThat(entry.work()).isEqualTo(RecompensedWork.SPECIFICATION_REVIEW);
    assertThat(entry.kind()).isEqualTo(kind);
    assertThat(entry.hours()).isEqualTo(2);
    assertThat(entry.amount()).isEqualByComparingTo(amount);
    assertThat(entry.expenses()).isEqualByComparingTo("0");
    assertThat(entry.reviewRound()).isEqualTo(1);
    assertThat(entry.requestId()).isZero();
    assertThat(entry.status()).isEqualTo(RecompenseStatus.OWED);
    assertThat(ledger.owedTo(expert.id())).isEqualByComparingTo(amount);
  }

  @Test
  void theHoursTheCoordinatorRecordedWinOverTheConfiguredHours() {
    Expert first = fixtures.expert("payment", "homelessness");
    Expert second = fixtures.expert("voucher", "homelessness");

    work.recordMediationMeeting(cycleId, 3, List.of(first.ref(), second.ref()), 4, today.minusDays(2));

    assertThat(List.of(ledger.entriesFor(first.id()).get(0), ledger.entriesFor(second.id()).get(0)))
        .allSatisfy(entry -> {
          assertThat(entry.work()).isEqualTo(RecompensedWork.MEDIATION_MEETING);
          assertThat(entry.hours()).isEqualTo(4);
          assertThat(entry.paidHours()).isEqualByComparingTo("4");
          assertThat(entry.amount()).isEqualByComparingTo("53.80");
          assertThat(entry.sessionDate()).isEqualTo(today.minusDays(2));
          assertThat(entry.basis()).isEqualTo("4 hours at the meeting to agree the specification, as the coordinator "
              + "recorded");
        });
  }

  @Test
  void recordingAgainAddsNothingTwiceButANewRoundOrTheMeetingIsNewWork() {
    Expert expert = fixtures.expert("payment", "homelessness");

    work.recordSpecificationReview(cycleId, 1, expert.ref(), null, today);
    work.recordSpecificationReview(cycleId, 1, expert.ref(), null, today);
    work.recordMediationMeeting(cycleId, 1, List.of(expert.ref(), expert.ref()), null, today);
    work.recordMediationMeeting(cycleId, 1, List.of(expert.ref()), null, today);
    work.recordSpecificationReview(cycleId, 2, expert.ref(), null, today);

    assertThat(ledger.entriesFor(expert.id())).extracting(LedgerEntry::work, LedgerEntry::reviewRound)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(RecompensedWork.SPECIFICATION_REVIEW, 1),
            org.assertj.core.groups.Tuple.tuple(RecompensedWork.MEDIATION_MEETING, 1),
            org.assertj.core.groups.Tuple.tuple(RecompensedWork.SPECIFICATION_REVIEW, 2));
    assertThat(ledger.owedTo(expert.id())).isEqualByComparingTo("80.70");
  }

  @Test
  void theDatabaseRefusesASecondEntryForTheSameWorkThatAnotherNodeAddsAtTheSameMoment() {
    Expert expert = fixtures.expert("payment", "homelessness");
    work.recordSpecificationReview(cycleId, 1, expert.ref(), null, today);

    // What a second node would insert had it checked before the first one's entry was committed.
    assertThatThrownBy(() -> jdbc.sql("""
            INSERT INTO cc_recompense (expert_id, cycle_id, review_round, work, session_date, kind, hours, amount,
              expenses, status, created_at)
            VALUES (?, ?, 1, 'SPECIFICATION_REVIEW', ?, 'PAYMENT', 2, 26.90, 0, 'OWED', ?)""")
        .params(expert.id(), cycleId, today, Timestamp.from(ProcessClock.now().toInstant())).update())
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(ledger.entriesFor(expert.id())).hasSize(1);
  }

  @Test
  void anEntryIsForASessionOrForARoundOfACycleNeverForNothing() {
    Expert expert = fixtures.expert("payment", "homelessness");

    assertThatThrownBy(() -> jdbc.sql("""
            INSERT INTO cc_recompense (expert_id, work, session_date, kind, hours, amount, expenses, status, created_at)
            VALUES (?, 'MEDIATION_MEETING', ?, 'PAYMENT', 2, 26.90, 0, 'OWED', ?)""")
        .params(expert.id(), today, Timestamp.from(ProcessClock.now().toInstant())).update())
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void anExpertNotInThePoolIsAnErrorNotASilentGap() {
    assertThatThrownBy(() -> work.recordSpecificationReview(cycleId, 1, "EX-9999", null, today))
        .hasMessageContaining("EX-9999");
  }

  @Test
  void theWorkGoesWithTheCycleWhenItsRecordsAreNoLongerKept() {
    Expert expert = fixtures.expert("payment", "homelessness");
    long ended = fixtures.cycle("Work recorder retention");
    work.recordSpecificationReview(ended, 1, expert.ref(), null, today);
    work.recordMediationMeeting(ended, 1, List.of(expert.ref()), null, today);

    cycleRecords.forEach(records -> records.deleteForCycle(ended));

    assertThat(ledger.workEntriesForCycle(ended)).isEmpty();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM cc_cycle WHERE id = ?").param(ended).query(Long.class).single()).isZero();
  }
}
