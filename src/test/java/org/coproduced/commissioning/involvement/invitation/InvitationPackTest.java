package org.coproduced.commissioning.involvement.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.experts.Expert;
import org.coproduced.commissioning.involvement.invitation.InvitationPack.Pack;
import org.coproduced.commissioning.involvement.recompense.LedgerEntry;
import org.coproduced.commissioning.involvement.recompense.RecompenseLedger;
import org.coproduced.commissioning.involvement.recompense.RecompenseRates.Rate;
import org.coproduced.commissioning.involvement.recompense.RecompenseRecorder;
import org.coproduced.commissioning.involvement.recompense.RecompensedWork;
import org.coproduced.commissioning.involvement.recompense.WorkRecorder;
import org.coproduced.commissioning.notification.Deliveries;
import org.coproduced.commissioning.notification.MailTest;
import org.coproduced.commissioning.notification.Mailbox;
import org.coproduced.commissioning.notification.TestMailServer;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.coproduced.commissioning.support.PoolFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * What an invitation says is true and the same wherever the expert reads it (email, the answer
 * page, Tasklist): the cycle's purpose, timeline and agreed offer; the newcomer hears of their
 * buddy and the buddy of what being one means; an evaluation says there are bids to read and how
 * they arrive; and the amount quoted is what the ledger records for that kind of session (and for
 * reviewing the specification or meeting to agree it).
 */
@MailTest
class InvitationPackTest {

  @RegisterExtension static GreenMailExtension mail = TestMailServer.extension();

  @Autowired ApplicationContext context;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired CycleRepository cycles;
  @Autowired InvitationRepository invitations;
  @Autowired InvitationFacts facts;
  @Autowired InvitationPack packs;
  @Autowired RecompenseRecorder recorder;
  @Autowired RecompenseLedger ledger;
  @Autowired WorkRecorder workRecorder;

  PoolFixtures fixtures;
  Deliveries deliveries;

  @BeforeEach
  void setUp() {
    fixtures = new PoolFixtures(context);
    deliveries = new Deliveries(engine, jdbc);
  }

  @AfterEach
  void retire() {
    fixtures.retireAll();
  }

  @Test
  void theCyclesPurposeTimelineAndOfferAreInTheEmailOnTheAnswerPageAndInTasklist() throws Exception {
    Expert expert = fixtures.expert("voucher", "homelessness");
    InvitedGate gate = InvitedGate.described(context, "ANALYSE", Map.of());
    cycles.recordPlan(gate.cycleId, "Shared purpose", "Roles", "choice");
    gate.invite(expert);

    deliveries.sendAll();

    Mailbox.Mail invitation = single(InvitedGate.emailOf(expert));
    for (String part : List.of(invitation.text(), invitation.html())) {
      assertThat(part).contains("Why experts by experience are part of this work", InvitedGate.PURPOSE,
          InvitedGate.TIMELINE, "For this work we agreed: each expert chooses payment, a voucher or training credit.");
    }
    assertThat(invitation.text()).contains("a voucher worth £26.90 (2 hours at £13.45 an hour)");
    String page = mvc.perform(MockMvcRequestBuilders.get(invitation.link("?answer=accept"))).andReturn()
        .getResponse().getContentAsString();
    assertThat(page).contains(InvitedGate.TIMELINE, "a voucher worth £26.90 (2 hours at £13.45 an hour)",
        "For this work we agreed", InvitedGate.PURPOSE);
    Map<String, Object> tasklist = engine.getTaskService().getVariablesLocal(gate.answerTask(expert).getId());
    assertThat(tasklist).containsEntry("cyclePurpose", InvitedGate.PURPOSE)
        .containsEntry("cycleTimeline", InvitedGate.TIMELINE);
    assertThat((String) tasklist.get("invitationOffer")).contains("For this work we agreed",
        "a voucher worth £26.90 (2 hours at £13.45 an hour)");
    assertThat(tasklist.get("roleNote")).isNull();
  }

  @Test
  void theNewcomerHearsTheirBuddyIsComingAndTheBuddyWhatBeingOneMeans() {
    Expert newcomer = fixtures.expert("payment", false, "homelessness");
    Expert buddy = fixtures.expert("payment", "homelessness");
    InvitedGate gate = InvitedGate.described(context, "ANALYSE", Map.of())
        .invite(new Expert[] {newcomer}, buddy);

    deliveries.sendAll();

    String toNewcomer = single(InvitedGate.emailOf(newcomer)).text();
    String toBuddy = single(InvitedGate.emailOf(buddy)).text();
    assertThat(toNewcomer).contains(InvitationPack.NEWCOMER_NOTE).doesNotContain("come as a buddy");
    assertThat(toBuddy).contains("We would like you to come as a buddy", "saying hello before the session starts",
        "you do not speak for them").doesNotContain("one of your first sessions");
    assertThat(engine.getTaskService().getVariableLocal(gate.answerTask(newcomer).getId(), "roleNote"))
        .isEqualTo(InvitationPack.NEWCOMER_NOTE);
    assertThat(engine.getTaskService().getVariableLocal(gate.answerTask(buddy).getId(), "roleNote"))
        .isEqualTo(InvitationPack.BUDDY_NOTE);
  }

  @Test
  void aNewcomerWithoutABuddyComingIsNotPromisedOne() {
    Expert newcomer = fixtures.expert("payment", false, "homelessness");
    InvitedGate.described(context, "ANALYSE", Map.of()).invite(newcomer);

    deliveries.sendAll();

    assertThat(single(InvitedGate.emailOf(newcomer)).text()).doesNotContain("buddy");
  }

  @Test
  void anEvaluationSaysThereAreBidsToReadHowLongAndHowTheyArrive() {
    Expert byEmail = fixtures.expert("payment", "homelessness");
    Expert byPost = fixtures.expert("payment", "homelessness");
    jdbc.sql("UPDATE cc_expert SET contact_channel = 'POST' WHERE id = ?").param(byPost.id()).update();
    InvitedGate gate = InvitedGate.described(context, "EVALUATION", Map.of()).invite(byEmail, byPost);

    deliveries.sendAll();

    Mailbox.Mail email = single(InvitedGate.emailOf(byEmail));
    for (String part : List.of(email.text(), email.html())) {
      assertThat(part).contains("bids to read", "takes about", "We will email the bids to you before the session",
          "by post, or in large print").doesNotContain("You do not need to prepare anything");
    }
    assertThat(email.text()).contains("Reading them takes about 2 hours", "We will pay you £53.80 (4 hours");
    String byPostInTasklist = (String) engine.getTaskService()
        .getVariableLocal(gate.answerTask(byPost).getId(), "whatWeWouldLike");
    assertThat(byPostInTasklist).contains("there are bids to read", "about 2 hours",
        "We will post the bids to you before the session").doesNotContain("You do not need to prepare anything");
  }

  @Test
  void otherSessionsAskNothingToPrepare() {
    Expert expert = fixtures.expert("payment", "homelessness");
    InvitedGate.described(context, "CODESIGN", Map.of()).invite(expert);

    deliveries.sendAll();

    assertThat(single(InvitedGate.emailOf(expert)).text()).contains("You do not need to prepare anything")
        .doesNotContain("bids");
  }

  @Test
  void theAmountQuotedIsWhatTheLedgerRecordsForEveryKindOfSessionAndWork() {
    long cycleId = fixtures.cycle("Quote test");
    int checked = 0;
    for (String stage : List.of("ANALYSE", "CODESIGN", "EVALUATION", "COEVALUATION")) {
      for (String format : List.of("in-person", "online", "phone", "mixed")) {
        for (int hours : List.of(1, 2, 3)) {
          Expert expert = fixtures.expert("payment", "homelessness");
          long session = fixtures.session(cycleId, stage, ProcessClock.today().plusDays(30), "10:00", hours, format,
              1, "homelessness");
          long invitationId = fixtures.booked(session, expert, InvitationStatus.INVITED);
          Pack quoted = packs.of(facts.find(invitationId).orElseThrow());

          // They come to the whole session and the coordinator records no extra preparation.
          invitations.recordAttendance(invitationId, true, hours, 0, InvitationRepository.Expenses.NONE, null,
              "coordinator");
          recorder.recordOwed(session);

          LedgerEntry recorded = ledger.entriesFor(expert.id()).get(0);
          String kind = stage + ", " + format + ", " + hours + "h";
          assertThat(quoted.amount()).as(kind).isEqualTo("£" + recorded.amount().toPlainString());
          assertThat(quoted.paidHours()).as(kind).isEqualByComparingTo(recorded.paidHours());
          checked++;
        }
      }
    }
    // Reviewing the specification and meeting to agree it are work too: the ledger records what is quoted.
    for (RecompensedWork work : List.of(RecompensedWork.SPECIFICATION_REVIEW, RecompensedWork.MEDIATION_MEETING)) {
      Expert expert = fixtures.expert("payment", "homelessness");
      Rate quoted = workRecorder.quote(work, null);
      if (work == RecompensedWork.SPECIFICATION_REVIEW) {
        workRecorder.recordSpecificationReview(cycleId, 1, expert.ref(), null, ProcessClock.today());
      } else {
        workRecorder.recordMediationMeeting(cycleId, 3, List.of(expert.ref()), null, ProcessClock.today());
      }

      LedgerEntry recorded = ledger.entriesFor(expert.id()).get(0);
      assertThat(InvitationPack.pounds(quoted.amount())).as(work.words())
          .isEqualTo("£" + recorded.amount().toPlainString());
      assertThat(quoted.paidHours()).as(work.words()).isEqualByComparingTo(recorded.paidHours());
      checked++;
    }
    assertThat(checked).isEqualTo(50);
    // The minimums are in the quote: an hour of scoring bids in person is paid as 2 + 2 to read them.
    assertThat(packs.quote("EVALUATION", "in-person", 1).paidHours())
        .isEqualByComparingTo(new BigDecimal("4"));
  }

  private Mailbox.Mail single(String address) {
    List<Mailbox.Mail> found = Mailbox.to(mail, address);
    assertThat(found).as("messages to %s", address).hasSize(1);
    return found.get(0);
  }
}
