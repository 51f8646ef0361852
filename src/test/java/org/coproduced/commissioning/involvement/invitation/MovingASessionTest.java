package org.coproduced.commissioning.involvement.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.involvement.InvolvementRequest;
import org.coproduced.commissioning.involvement.SessionMove;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Candidate;
import org.coproduced.commissioning.notification.Deliveries;
import org.coproduced.commissioning.notification.MailTest;
import org.coproduced.commissioning.notification.Mailbox;
import org.coproduced.commissioning.notification.Mailbox.Mail;
import org.coproduced.commissioning.notification.TestMailServer;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.coproduced.commissioning.schedule.WorkingDayCalendar;
import org.coproduced.commissioning.support.CycleDriver;
import org.coproduced.commissioning.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A coordinator moves one session, or cancels it, saying why. Everyone who was invited or said yes
 * hears it (counted at the mail server, or a coordinator task for post and phone people) and is
 * asked again; the gate's timers follow the new date; a cancelled session sends the request back
 * for a new date and frees everyone's time. Bad input changes nothing.
 */
@MailTest
class MovingASessionTest {

  static final String MOVE_REASON = "The community hall flooded, so we meet online that week instead.";
  static final String CANCEL_REASON = "The commissioner is ill and the session cannot go ahead without them.";
  static final String MOVED = "Your session has moved";

  @RegisterExtension static GreenMailExtension mail = TestMailServer.extension();

  @Autowired ApplicationContext context;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired SessionChanges changes;
  @Autowired WorkingDayCalendar calendar;
  @Autowired CycleRepository cycles;
  @LocalServerPort int port;

  InvitedSession session;
  CycleDriver driver;

  @BeforeEach
  void setUp() {
    session = new InvitedSession(context);
    driver = session.driver;
  }

  @Test
  void movingASessionAsksEveryoneAgainAndItsTimersFollowTheNewDate() {
    LocalDate day = CycleDriver.nextSessionDate();
    String bk = session.cycleWithInvitationsOut("Moved to another day", day).getBusinessKey();
    long requestId = session.requestOf(bk);
    driver.acceptAllInvitations(bk);
    List<Invitation> coming = session.with(requestId, InvitationStatus.ACCEPTED);
    assertThat(job(bk, "Event_SessionDue").getDuedate()).isEqualTo(at(day, "10:30"));
    Deliveries deliveries = new Deliveries(engine, jdbc);
    deliveries.sendAll();
    int before = Mailbox.read(mail).size();
    LocalDate newDay = day.plusDays(7);

    changes.move(requestId, new SessionMove(newDay, "14:00", "online", "Online: the link comes with the papers.",
        MOVE_REASON, null), CycleDriver.COORDINATOR);
    deliveries.sendAll();

    // Nobody waits on the old date: its timers, the reminder's included, are gone.
    assertThat(jobs(bk, "Event_SessionDue")).isEmpty();
    assertThat(jobs(bk, "Event_SessionReminderDue")).isEmpty();
    // Everyone who said yes is asked again.
    assertThat(session.with(requestId, InvitationStatus.INVITED)).extracting(Invitation::id)
        .containsExactlyInAnyOrderElementsOf(coming.stream().map(Invitation::id).toList());
    assertThat(driver.tasks(bk, "Activity_AnswerInvitation")).hasSize(coming.size());
    int emailed = 0;
    for (Invitation invitation : coming) {
      var expert = session.contacts.expert(invitation.expertRef()).orElseThrow();
      if (session.contacts.emailReaches(invitation.expertRef())) {
        List<Mail> mails = Mailbox.to(mail, expert.email()).stream().filter(m -> m.subject().contains(MOVED)).toList();
        assertThat(mails).as("news of the move to %s", invitation.expertRef()).hasSize(1);
        assertThat(mails.get(0).text()).contains(MOVE_REASON, "14:00", "10:30",
            String.valueOf(newDay.getDayOfMonth()), "Please tell us again whether you can come");
        emailed++;
      } else {
        List<Task> tasks = session.newsTasks(invitation, SessionNewsMessage.MOVED);
        assertThat(tasks).as("a coordinator task to tell %s", invitation.expertRef()).hasSize(1);
        String title = cycles.findById(Long.parseLong(bk)).orElseThrow().title();
        assertThat(tasks.get(0).getName())
            .isEqualTo("Tell " + invitation.expertRef() + " (" + expert.channelInWords() + ") about their session · "
                + title);
      }
    }
    assertThat(emailed).isPositive().isLessThan(coming.size());
    assertThat(Mailbox.read(mail).subList(0, before)).noneMatch(m -> m.subject().contains(MOVED));
    // The reason stays in the application's tables: the engine holds ids only.
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().list())
        .noneMatch(v -> String.valueOf(v.getValue()).contains("community hall flooded"));

    // Someone can no longer come: their place is free, and the fairest expert left is invited.
    Invitation declining = coming.get(0);
    List<Long> asked = session.invitations.findByRequest(requestId).stream().map(Invitation::id).toList();
    driver.submit(answerTask(bk, declining.id()), Map.of("invitationAnswer", "decline"));
    assertThat(session.invitations.get(declining.id()).status()).isEqualTo(InvitationStatus.DECLINED);
    assertThat(session.invitations.findByRequest(requestId)).filteredOn(i -> !asked.contains(i.id()))
        .as("the replacement invited").singleElement()
        .satisfies(i -> assertThat(i.status()).isEqualTo(InvitationStatus.INVITED));
    driver.acceptAllInvitations(bk);

    // The session is awaited again, on the new date; the reminder comes before that date, not the old one.
    assertThat(job(bk, "Event_SessionDue").getDuedate()).isEqualTo(at(newDay, "14:00"));
    LocalDateTime reminder = calendar.minusWorkingDays(newDay, 2).atTime(9, 0);
    assertThat(job(bk, "Event_SessionReminderDue").getDuedate().toInstant().atZone(ZoneId.systemDefault())
        .toLocalDateTime()).isEqualTo(reminder);

    // Their places on the new date are confirmed; deciding the sends again (a retried job, a second node)
    // sends nothing more.
    deliveries.sendAll();
    assertThat(Mailbox.read(mail)).anyMatch(m -> m.subject().contains("is confirmed")
        && m.subject().contains(String.valueOf(newDay.getDayOfMonth())));
    int sent = Mailbox.read(mail).size();
    deliveries.sendAll();
    assertThat(Mailbox.read(mail)).hasSize(sent);
  }

  @Test
  void cancellingASessionTellsEveryoneFreesTheirTimeAndAsksForANewDate() {
    LocalDate day = CycleDriver.nextSessionDate();
    String bk = session.cycleWithInvitationsOut("Cancelled, new date to come", day).getBusinessKey();
    long requestId = session.requestOf(bk);
    driver.submit(driver.tasks(bk, "Activity_AnswerInvitation").get(0), Map.of("invitationAnswer", "accept"));
    String booked = session.refsWith(requestId, InvitationStatus.ACCEPTED).get(0);
    List<Invitation> told = session.with(requestId, InvitationStatus.INVITED, InvitationStatus.ACCEPTED);
    // Another cycle wants experts at the very same time: the expert who said yes is booked.
    String other = otherCycleOn(day, "Same day, other cycle");
    assertThat(eligible(other)).doesNotContain(booked);
    Deliveries deliveries = new Deliveries(engine, jdbc);
    deliveries.sendAll();
    int before = Mailbox.read(mail).size();

    changes.cancel(requestId, CANCEL_REASON, CycleDriver.COORDINATOR);
    deliveries.sendAll();

    int emailed = 0;
    for (Invitation invitation : told) {
      var expert = session.contacts.expert(invitation.expertRef()).orElseThrow();
      if (session.contacts.emailReaches(invitation.expertRef())) {
        List<Mail> mails = Mailbox.to(mail, expert.email()).stream()
            .filter(m -> m.subject().contains("will not happen")).toList();
        assertThat(mails).as("news of the cancellation to %s", invitation.expertRef()).hasSize(1);
        assertThat(mails.get(0).text()).contains(CANCEL_REASON, String.valueOf(day.getDayOfMonth()));
        emailed++;
      } else {
        assertThat(session.newsTasks(invitation, SessionNewsMessage.CALLED_OFF)).hasSize(1);
      }
    }
    assertThat(emailed).isPositive();
    assertThat(Mailbox.read(mail).subList(0, before)).noneMatch(m -> m.subject().contains("will not happen"));
    int afterCancelling = Mailbox.read(mail).size();
    // Nobody waits on the old date, and nobody stays booked for it.
    assertThat(driver.tasks(bk, "Activity_AnswerInvitation")).isEmpty();
    assertThat(jobs(bk, "Event_SessionDue")).isEmpty();
    assertThat(session.invitations.findByRequest(requestId)).extracting(Invitation::status)
        .doesNotContain(InvitationStatus.PROPOSED, InvitationStatus.CONFIRMED, InvitationStatus.INVITED,
            InvitationStatus.ACCEPTED);
    InvolvementRequest request = session.requests.get(requestId);
    assertThat(request.status()).isEqualTo("SENT_BACK");
    assertThat(eligible(other)).contains(booked);
    // The gate asks its commissioner for a new date, and goes on from there.
    Task describe = driver.task(bk, "Activity_DescribeRequest");
    assertThat(engine.getTaskService().getVariable(describe.getId(), "requestId")).isEqualTo(requestId);
    driver.describeRequest(bk, CycleDriver.nextSessionDate(), 2);
    driver.acceptRequest(bk);
    assertThat(driver.tasks(bk, "Activity_ConfirmExperts")).hasSize(1);

    // Cancelling it again now is refused: it is not invited or awaited, and nobody is told twice.
    assertThatThrownBy(() -> changes.cancel(requestId, CANCEL_REASON, CycleDriver.COORDINATOR))
        .isInstanceOf(FormInputException.class).hasMessageContaining("cannot be moved or cancelled now");
    deliveries.sendAll();
    assertThat(Mailbox.read(mail).stream().skip(afterCancelling)).noneMatch(m -> m.subject().contains("will not happen"));
  }

  @Test
  void badInputIsRefusedInPlainWordsAndChangesNothing() {
    LocalDate day = CycleDriver.nextSessionDate();
    String bk = session.cycleWithInvitationsOut("Moved with bad input", day).getBusinessKey();
    long requestId = session.requestOf(bk);
    driver.acceptAllInvitations(bk);
    Deliveries deliveries = new Deliveries(engine, jdbc);
    deliveries.sendAll();
    int outbox = deliveries.outbox().size();
    InvolvementRequest before = session.requests.get(requestId);
    LocalDate soon = ProcessClock.today().plusDays(3);
    String venue = before.venueAndAccess();

    refused(() -> changes.move(requestId, new SessionMove(day.plusDays(7), "14:00", "in-person", venue, null, null),
        CycleDriver.COORDINATOR), "Please say why the session is moving");
    refused(() -> changes.move(requestId, new SessionMove(soon, "14:00", "in-person", venue, MOVE_REASON, null),
        CycleDriver.COORDINATOR), "working days away. Experts need at least");
    refused(() -> changes.move(requestId, new SessionMove(ProcessClock.today().minusDays(1), "14:00", "in-person",
        venue, MOVE_REASON, null), CycleDriver.COORDINATOR), "The new date has already passed");
    refused(() -> changes.move(requestId, new SessionMove(day.plusDays(7), "2pm", "in-person", venue, MOVE_REASON,
        null), CycleDriver.COORDINATOR), "Please give the start time like 10:30.");
    refused(() -> changes.move(requestId, new SessionMove(day, before.sessionTime(), before.sessionFormat(), venue,
        MOVE_REASON, null), CycleDriver.COORDINATOR), "Nothing about the session changed");
    refused(() -> changes.cancel(requestId, "  ", CycleDriver.COORDINATOR), "Please say why the session is cancelled");
    refused(() -> changes.move(requestId + 100_000, new SessionMove(day.plusDays(7), "14:00", "in-person", venue,
        MOVE_REASON, null), CycleDriver.COORDINATOR), "There is no such session");

    assertThat(session.requests.get(requestId)).isEqualTo(before);
    assertThat(session.requests.sessionChanges(requestId)).isZero();
    assertThat(session.with(requestId, InvitationStatus.ACCEPTED)).isNotEmpty();
    assertThat(jobs(bk, "Event_SessionDue")).hasSize(1);
    deliveries.sendAll();
    assertThat(deliveries.outbox()).hasSize(outbox);

    // Shorter notice with a reason is accepted, as for a new request, and the reason is kept.
    changes.move(requestId, new SessionMove(soon, "14:00", "in-person", venue, MOVE_REASON,
        "Everyone coming told us on the phone that this day suits them better."), CycleDriver.COORDINATOR);
    assertThat(session.requests.get(requestId).sessionDate()).isEqualTo(soon);
    assertThat(jdbc.sql("SELECT notice_exception_reason FROM cc_involvement_request WHERE id = ?").param(requestId)
        .query(String.class).single()).startsWith("Everyone coming told us");
  }

  @Test
  void aCoordinatorMovesASessionFromTheProposalPageAndAProblemShowsThere() {
    LocalDate day = CycleDriver.nextSessionDate();
    String bk = session.cycleWithInvitationsOut("Moved from the proposal page", day).getBusinessKey();
    long requestId = session.requestOf(bk);
    int coming = driver.acceptAllInvitations(bk);
    WebSession coordinator = WebSession.open(port, "tasklist");
    assertThat(coordinator.trySignIn("tasklist", "coordinator", "demo")).isEqualTo(200);
    String path = "/app/requests/" + requestId + "/proposal";
    String page = coordinator.get(path).body();
    assertThat(page).contains("Move or cancel this session", "Move the session", "Cancel the session");
    LocalDate newDay = day.plusDays(7);
    String[] move = {"token", WebSession.formToken(page), "sessionDate", newDay.toString(), "sessionTime", "14:00",
        "sessionFormat", "online", "venueAndAccess", "Online: the link comes with the papers.", "reason", ""};

    HttpResponse<String> refused = coordinator.postForm("/app/requests/" + requestId + "/session/move", move);

    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("Please say why the session is moving: everyone invited will be told.");
    assertThat(session.requests.get(requestId).sessionDate()).isEqualTo(day);
    assertThat(driver.tasks(bk, "Activity_AnswerInvitation")).isEmpty();

    move[move.length - 1] = MOVE_REASON;
    HttpResponse<String> moved = coordinator.postForm("/app/requests/" + requestId + "/session/move", move);

    assertThat(moved.statusCode()).isIn(200, 302, 303);
    assertThat(session.requests.get(requestId).sessionDate()).isEqualTo(newDay);
    assertThat(driver.tasks(bk, "Activity_AnswerInvitation")).hasSize(coming);
    assertThat(coordinator.get(path).body()).contains("This session was moved", MOVE_REASON);
  }

  private static void refused(Runnable change, String message) {
    assertThatThrownBy(change::run).isInstanceOf(FormInputException.class).hasMessageContaining(message);
  }

  private Task answerTask(String bk, long invitationId) {
    return driver.tasks(bk, "Activity_AnswerInvitation").stream()
        .filter(t -> ((Number) engine.getTaskService().getVariable(t.getId(), "invitationId")).longValue()
            == invitationId)
        .findFirst().orElseThrow();
  }

  private String otherCycleOn(LocalDate day, String title) {
    String other = driver.startCycle(title).getBusinessKey();
    driver.agreePlan(other);
    driver.describeRequest(other, day, 1);
    driver.acceptRequest(other);
    return other;
  }

  private List<String> eligible(String other) {
    return session.matching.eligible(session.requests.get(session.requestOf(other))).stream().map(Candidate::expert)
        .map(e -> e.ref()).toList();
  }

  private List<Job> jobs(String bk, String activityId) {
    return engine.getManagementService().createJobQuery().activityId(activityId).list().stream()
        .filter(job -> engine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceId(job.getProcessInstanceId()).processInstanceBusinessKey(bk).count() > 0)
        .toList();
  }

  private Job job(String bk, String activityId) {
    List<Job> jobs = jobs(bk, activityId);
    assertThat(jobs).as("timer %s of cycle %s", activityId, bk).hasSize(1);
    return jobs.get(0);
  }

  private static java.util.Date at(LocalDate day, String time) {
    return java.util.Date.from(day.atTime(java.time.LocalTime.parse(time)).atZone(ZoneId.systemDefault()).toInstant());
  }
}
