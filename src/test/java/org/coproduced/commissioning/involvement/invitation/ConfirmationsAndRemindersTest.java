package org.coproduced.commissioning.involvement.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.cycle.CycleCancellation;
import org.coproduced.commissioning.notification.Deliveries;
import org.coproduced.commissioning.notification.MailTest;
import org.coproduced.commissioning.notification.Mailbox;
import org.coproduced.commissioning.notification.Mailbox.Mail;
import org.coproduced.commissioning.notification.TestMailServer;
import org.coproduced.commissioning.schedule.WorkingDayCalendar;
import org.coproduced.commissioning.support.CycleDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Saying yes brings a confirmation at once (the details, what to bring, who to contact, the access
 * needs they told us), and everyone coming is reminded two working days before the session: by
 * email, counted at the mail server, or through a coordinator task for people who prefer post or
 * phone. Each person hears each thing once, and not at all once it no longer holds.
 */
@MailTest
class ConfirmationsAndRemindersTest {

  static final String NEEDS = "A quiet room and a chair with arms, please (confirmation test)";
  static final String CONFIRMED = "is confirmed";
  static final String REMINDED = "a reminder about your session";

  @RegisterExtension static GreenMailExtension mail = TestMailServer.extension();

  @Autowired ApplicationContext context;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired SessionConfirmations confirmations;
  @Autowired CycleCancellation cancellation;
  @Autowired WorkingDayCalendar calendar;
  @Autowired PlatformTransactionManager transactions;

  InvitedSession session;
  CycleDriver driver;

  @BeforeEach
  void setUp() {
    session = new InvitedSession(context);
    driver = session.driver;
  }

  @Test
  void sayingYesBringsAConfirmationWithTheDetailsAndTheirAccessNeeds() {
    LocalDate day = CycleDriver.nextSessionDate();
    String bk = session.cycleWithInvitationsOut("Confirmed at once", day).getBusinessKey();
    long requestId = session.requestOf(bk);
    Deliveries deliveries = new Deliveries(engine, jdbc);

    for (Task answer : driver.tasks(bk, "Activity_AnswerInvitation")) {
      driver.submit(answer, Map.of("invitationAnswer", "accept", "privateAccessNeeds", NEEDS));
    }
    deliveries.sendAll();

    List<Invitation> coming = session.with(requestId, InvitationStatus.ACCEPTED);
    int emailed = 0;
    for (Invitation invitation : coming) {
      List<Mail> mails = mailsTo(invitation, CONFIRMED);
      if (mails == null) {
        assertThat(session.newsTasks(invitation, SessionNewsMessage.CONFIRMED)).as("a task to confirm with %s",
            invitation.expertRef()).hasSize(1);
        continue;
      }
      assertThat(mails).as("confirmations to %s", invitation.expertRef()).hasSize(1);
      assertThat(mails.get(0).text()).contains(String.valueOf(day.getDayOfMonth()), "10:30",
          "Community hall, step-free access", "What to bring", NEEDS, "We will arrange this before the session",
          "Jo Bennett");
      assertThat(mails.get(0).html()).contains(NEEDS);
      emailed++;
    }
    assertThat(emailed).as("confirmations by email").isPositive();
    assertThat(coming.stream().filter(i -> !session.contacts.emailReaches(i.expertRef()))).as("confirmed by phone")
        .isNotEmpty();
  }

  @Test
  void everyoneComingIsRemindedTwoWorkingDaysBeforeOnce() {
    LocalDate day = CycleDriver.nextSessionDate();
    String bk = session.cycleWithInvitationsOut("Reminded before the session", day).getBusinessKey();
    long requestId = session.requestOf(bk);
    List<Task> answers = driver.tasks(bk, "Activity_AnswerInvitation");
    answers.forEach(t -> driver.submit(t, Map.of("invitationAnswer", "accept")));
    Job reminder = reminderJob(bk);
    LocalDateTime expected = calendar.minusWorkingDays(day, 2).atTime(9, 0);
    assertThat(reminder.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalDateTime()).isEqualTo(expected);
    Deliveries deliveries = new Deliveries(engine, jdbc);

    engine.getManagementService().executeJob(reminder.getId());
    deliveries.sendAll();

    List<Invitation> coming = session.with(requestId, InvitationStatus.ACCEPTED);
    assertThat(coming).hasSize(answers.size());
    for (Invitation invitation : coming) {
      List<Mail> mails = mailsTo(invitation, REMINDED);
      if (mails == null) {
        assertThat(session.newsTasks(invitation, SessionNewsMessage.REMINDER)).as("a task to ring %s",
            invitation.expertRef()).hasSize(1);
      } else {
        assertThat(mails).as("reminders to %s", invitation.expertRef()).hasSize(1);
        assertThat(mails.get(0).text()).contains(String.valueOf(day.getDayOfMonth()), "10:30", "Community hall");
      }
    }
    assertThat(driver.tasks(bk, "Activity_AnswerInvitation")).isEmpty();
    assertThat(session.engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(bk)
        .activityIdIn("Event_SessionDue").count()).as("still waiting for the session").isOne();

    // The reminder decided again (a retried job, a second node) reaches nobody twice.
    int mails = Mailbox.read(mail).size();
    new TransactionTemplate(transactions).executeWithoutResult(s -> confirmations.remindEveryoneComing(requestId));
    deliveries.sendAll();
    assertThat(Mailbox.read(mail)).hasSize(mails);
    coming.stream().filter(i -> !session.contacts.emailReaches(i.expertRef()))
        .forEach(i -> assertThat(session.newsTasks(i, SessionNewsMessage.REMINDER)).hasSize(1));
  }

  @Test
  void aConfirmationOvertakenByTheCycleStoppingIsNotSent() {
    String bk = session.cycleWithInvitationsOut("Yes, then stopped", CycleDriver.nextSessionDate()).getBusinessKey();
    long requestId = session.requestOf(bk);
    Deliveries deliveries = new Deliveries(engine, jdbc);
    driver.acceptAllInvitations(bk);

    cancellation.cancel(Long.parseLong(bk), "The council withdrew the budget before the session.");
    deliveries.sendAll();

    assertThat(Mailbox.read(mail)).noneMatch(m -> m.subject().contains(CONFIRMED))
        .anyMatch(m -> m.subject().contains("will not happen"));
    assertThat(deliveries.outbox()).filteredOn(row -> row.contains("SESSION_CONFIRMED")).isNotEmpty()
        .allMatch(row -> row.startsWith("NOT_NEEDED"));
    assertThat(session.with(requestId, InvitationStatus.ACCEPTED)).isEmpty();
  }

  /** The mail of this subject to the person, or {@code null} when they do not read email. */
  private List<Mail> mailsTo(Invitation invitation, String subject) {
    var expert = session.contacts.expert(invitation.expertRef()).orElseThrow();
    if (!expert.reachableByEmail()) {
      return null;
    }
    return Mailbox.to(mail, expert.email()).stream().filter(m -> m.subject().contains(subject)).toList();
  }

  private Job reminderJob(String bk) {
    List<Job> jobs = engine.getManagementService().createJobQuery().activityId("Event_SessionReminderDue").list()
        .stream().filter(job -> engine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceId(job.getProcessInstanceId()).processInstanceBusinessKey(bk).count() > 0)
        .toList();
    assertThat(jobs).as("the reminder timer of cycle %s", bk).hasSize(1);
    return jobs.get(0);
  }
}
