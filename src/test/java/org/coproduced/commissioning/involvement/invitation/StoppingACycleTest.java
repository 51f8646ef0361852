package org.coproduced.commissioning.involvement.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.cycle.CycleCancellation;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.experts.ExpertContacts;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Candidate;
import org.coproduced.commissioning.involvement.matching.MatchingService;
import org.coproduced.commissioning.notification.Deliveries;
import org.coproduced.commissioning.notification.MailTest;
import org.coproduced.commissioning.notification.Mailbox;
import org.coproduced.commissioning.notification.Mailbox.Mail;
import org.coproduced.commissioning.notification.TestMailServer;
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
 * Stopping a cycle, or an administrator deleting it, while its experts are invited: everyone who
 * was invited or had said yes hears that the session will not happen and why, by email (counted
 * at the mail server) or from a coordinator (a task), once; and their time is free again.
 */
@MailTest
class StoppingACycleTest {

  static final String REASON = "The council withdrew the budget for this service last week.";
  static final String SUBJECT = "will not happen";

  @RegisterExtension static GreenMailExtension mail = TestMailServer.extension();

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired CycleCancellation cancellation;
  @Autowired InvolvementRequestRepository requests;
  @Autowired CycleRepository cycles;
  @Autowired InvitationRepository invitations;
  @Autowired ExpertContacts contacts;
  @Autowired MatchingService matching;
  @Autowired SessionCallOff callOff;
  @Autowired PlatformTransactionManager transactions;

  @Autowired ApplicationContext context;

  CycleDriver driver;
  InvitedSession session;

  @BeforeEach
  void setUp() {
    session = new InvitedSession(context);
    driver = session.driver;
  }

  @Test
  void stoppingACycleTellsEveryoneInvitedWhyAndFreesTheirTime() {
    LocalDate day = CycleDriver.nextSessionDate();
    ProcessInstance cycle = cycleWithInvitationsOut("Stopped while inviting", day);
    String bk = cycle.getBusinessKey();
    long requestId = requestOf(bk);
    Task firstAnswer = driver.tasks(bk, "Activity_AnswerInvitation").get(0);
    driver.submit(firstAnswer, Map.of("invitationAnswer", "accept"));
    String booked = refsWith(requestId, InvitationStatus.ACCEPTED).get(0);
    List<Invitation> told = told(requestId);
    // Another cycle wants experts at the very same time: the expert who said yes is booked.
    String other = cycleAtConfirmation("Same time, other cycle", day);
    assertThat(eligibleRefs(other)).doesNotContain(booked);
    Deliveries deliveries = new Deliveries(engine, jdbc);

    cancellation.cancel(Long.parseLong(bk), REASON);
    deliveries.sendAll();

    assertEveryoneToldOnce(told, REASON, day);
    assertThat(invitations.findByRequest(requestId)).extracting(Invitation::status)
        .doesNotContain(InvitationStatus.PROPOSED, InvitationStatus.CONFIRMED, InvitationStatus.INVITED,
            InvitationStatus.ACCEPTED);
    assertThat(driver.tasks(bk, "Activity_AnswerInvitation")).isEmpty();
    assertThat(requests.get(requestId).status()).isEqualTo("CALLED_OFF");
    assertThat(eligibleRefs(other)).contains(booked);
    // The reason lives in the application's tables: the coordinators' tasks hold ids only.
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processDefinitionKey("session-news")
        .list()).noneMatch(v -> String.valueOf(v.getValue()).contains("withdrew the budget"));

    // Deciding it all again (a retried job, a second node that missed the first) sends and asks nothing new:
    // the outbox keeps one message per key, and a task per news and person.
    int mails = Mailbox.read(mail).size();
    int tasks = newsTasks(bk).size();
    jdbc.sql("UPDATE cc_involvement_request SET status = 'ACCEPTED' WHERE id = ?").param(requestId).update();
    told.forEach(i -> jdbc.sql("UPDATE cc_invitation SET status = ? WHERE id = ?").params(i.status().name(), i.id())
        .update());
    new TransactionTemplate(transactions).executeWithoutResult(status -> callOff.callOff(requestId, REASON));
    deliveries.sendAll();
    assertThat(Mailbox.read(mail)).hasSize(mails);
    assertThat(newsTasks(bk)).hasSize(tasks);
  }

  @Test
  void anAdministratorDeletingACycleTellsEveryoneInvitedTheirReason() {
    LocalDate day = CycleDriver.nextSessionDate();
    ProcessInstance cycle = cycleWithInvitationsOut("Deleted while inviting", day);
    String bk = cycle.getBusinessKey();
    long requestId = requestOf(bk);
    List<Invitation> told = told(requestId);
    Deliveries deliveries = new Deliveries(engine, jdbc);
    String reason = "This service was merged into the county-wide contract.";

    driver.as("admin", () -> {
      engine.getRuntimeService().deleteProcessInstance(cycle.getId(), reason);
      return null;
    });
    deliveries.sendAll();

    assertEveryoneToldOnce(told, reason, day);
    assertThat(refsWith(requestId, InvitationStatus.INVITED)).isEmpty();
    assertThat(requests.get(requestId).status()).isEqualTo("CALLED_OFF");
  }

  @Test
  void aCoordinatorSaysHowTheyToldSomeoneAndNothingElseIsAccepted() {
    ProcessInstance cycle = cycleWithInvitationsOut("Stopped, told by phone", CycleDriver.nextSessionDate());
    String bk = cycle.getBusinessKey();
    cancellation.cancel(Long.parseLong(bk), REASON);
    Task task = newsTasks(bk).get(0);

    assertThatThrownBy(() -> driver.submit(task, Map.of("contactMethod", "pigeon")))
        .hasMessageContaining("How you told them");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isOne();

    driver.submit(task, Map.of("contactMethod", "phone"));
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isZero();
  }

  private void assertEveryoneToldOnce(List<Invitation> told, String reason, LocalDate day) {
    assertThat(told).as("people invited before the stop").isNotEmpty();
    int emailed = 0;
    int byCoordinator = 0;
    for (Invitation invitation : told) {
      String ref = invitation.expertRef();
      var expert = contacts.expert(ref).orElseThrow();
      if (expert.reachableByEmail()) {
        List<Mail> mails = Mailbox.to(mail, expert.email()).stream().filter(m -> m.subject().contains(SUBJECT)).toList();
        assertThat(mails).as("called-off messages to %s", ref).hasSize(1);
        assertThat(mails.get(0).text()).contains(reason, String.valueOf(day.getDayOfMonth()), "That time is yours again");
        emailed++;
      } else {
        // Only the news of the stop: someone who had said yes also has a task to confirm their place.
        List<Task> tasks = engine.getTaskService().createTaskQuery().processDefinitionKey("session-news")
            .processVariableValueEquals("invitationId", invitation.id())
            .processVariableValueEquals("news", SessionNewsMessage.CALLED_OFF).list();
        assertThat(tasks).as("coordinator tasks to tell %s", ref).hasSize(1);
        // The coordinator sees whom to tell, how to reach them, and which cycle it is about.
        String title = cycles.findById(requests.get(invitation.requestId()).cycleId()).orElseThrow().title();
        assertThat(tasks.get(0).getName())
            .isEqualTo("Tell " + ref + " (" + expert.channelInWords() + ") about their session · " + title);
        assertThat(engine.getTaskService().getIdentityLinksForTask(tasks.get(0).getId()))
            .anyMatch(link -> "coordinators".equals(link.getGroupId()));
        byCoordinator++;
      }
    }
    assertThat(emailed).as("people told by email").isPositive();
    assertThat(byCoordinator).as("people told by a coordinator").isPositive();
  }

  private ProcessInstance cycleWithInvitationsOut(String title, LocalDate day) {
    return session.cycleWithInvitationsOut(title, day);
  }

  private String cycleAtConfirmation(String title, LocalDate day) {
    String bk = driver.startCycle(title).getBusinessKey();
    driver.agreePlan(bk);
    driver.describeRequest(bk, day, 1);
    driver.acceptRequest(bk);
    return bk;
  }

  private List<String> eligibleRefs(String bk) {
    return matching.eligible(requests.get(requestOf(bk))).stream().map(Candidate::expert).map(e -> e.ref()).toList();
  }

  private long requestOf(String bk) {
    return session.requestOf(bk);
  }

  private List<String> refsWith(long requestId, InvitationStatus status) {
    return session.refsWith(requestId, status);
  }

  private List<Invitation> told(long requestId) {
    return invitations.findByRequest(requestId).stream()
        .filter(i -> i.status() == InvitationStatus.INVITED || i.status() == InvitationStatus.ACCEPTED).toList();
  }

  /** The coordinators' tasks about this cycle's sessions. */
  private List<Task> newsTasks(String bk) {
    return engine.getTaskService().createTaskQuery().processDefinitionKey("session-news")
        .processVariableValueEquals("cycleId", Long.parseLong(bk)).orderByTaskId().asc().list();
  }
}
