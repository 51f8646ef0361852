package org.coproduced.commissioning.involvement.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.involvement.SessionMove;
import org.coproduced.commissioning.notification.Deliveries;
import org.coproduced.commissioning.notification.MailTest;
import org.coproduced.commissioning.notification.Mailbox;
import org.coproduced.commissioning.notification.Mailbox.Mail;
import org.coproduced.commissioning.notification.MessageContent;
import org.coproduced.commissioning.notification.TestMailServer;
import org.coproduced.commissioning.support.CycleDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * After a session changes, the first invitation's link and the people called off: someone who
 * answers with the link in the first invitation email is shown the new date and answers for it,
 * never for the old one silently; someone called off when a session was cancelled can be invited
 * again for the new date, on the same invitation, with each message sent once and nothing old re-sent.
 */
@MailTest
class InvitedAgainAfterAChangeTest {

  static final String MOVE_REASON = "The library is closed for repairs that week.";
  static final String CANCEL_REASON = "The speaker cannot come, and we would rather wait for them.";
  static final String LINK = "/app/invitations/";

  @RegisterExtension static GreenMailExtension mail = TestMailServer.extension();

  @Autowired ApplicationContext context;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired SessionChanges changes;
  @Autowired MockMvc mvc;

  InvitedSession session;
  CycleDriver driver;
  Deliveries deliveries;

  @BeforeEach
  void setUp() {
    session = new InvitedSession(context);
    driver = session.driver;
    deliveries = new Deliveries(engine, jdbc);
  }

  @Test
  void theFirstInvitationsLinkShowsTheNewDateAndAnAnswerFromBeforeTheMoveIsNotRecorded() throws Exception {
    LocalDate day = CycleDriver.nextSessionDate();
    String bk = session.cycleWithInvitationsOut("Answered from the first email", day).getBusinessKey();
    long requestId = session.requestOf(bk);
    Invitation invited = emailedWith(requestId, InvitationStatus.INVITED);
    String email = session.contacts.expert(invited.expertRef()).orElseThrow().email();
    deliveries.sendAll();
    String firstToken = invitations(email).get(0).token(LINK);
    LocalDate newDay = day.plusDays(7);

    changes.move(requestId, new SessionMove(newDay, "14:00", "online", "Online: the link comes with the papers.",
        MOVE_REASON, null), CycleDriver.COORDINATOR);
    deliveries.sendAll();
    assertThat(invitations(email)).hasSize(2);

    // The first email's link shows what changed, and the new date, before anything is answered.
    String page = get(firstToken);
    assertThat(page).contains("This session has changed since we first", MessageContent.DAY.format(day),
        MessageContent.DAY.format(newDay), "14:00", MOVE_REASON, "name=\"seenChange\" value=\"1\"");

    // A page opened before the move and answered after it records nothing, and shows the new details.
    String stale = post(firstToken, "0");
    assertThat(stale).contains("The session has changed since this page was opened", MessageContent.DAY.format(newDay));
    assertThat(session.invitations.get(invited.id()).status()).isEqualTo(InvitationStatus.INVITED);
    assertThat(answerTasks(bk, invited.id())).hasSize(1);

    // Answered on the page as it is now: a yes for the new date, confirmed once.
    assertThat(post(firstToken, "1")).contains("You said yes");
    assertThat(session.invitations.get(invited.id()).status()).isEqualTo(InvitationStatus.ACCEPTED);
    assertThat(answerTasks(bk, invited.id())).isEmpty();
    deliveries.sendAll();
    List<Mail> confirmed = confirmations(email);
    assertThat(confirmed).hasSize(1);
    assertThat(confirmed.get(0).subject()).contains(String.valueOf(newDay.getDayOfMonth()));
    int sent = Mailbox.read(mail).size();
    deliveries.sendAll();
    assertThat(Mailbox.read(mail)).hasSize(sent);
  }

  @Test
  void someoneCalledOffIsInvitedAgainForTheNewDateOnTheSameInvitationAndHearsEachThingOnce() throws Exception {
    LocalDate day = CycleDriver.nextSessionDate();
    String bk = session.cycleWithInvitationsOut("Called off, then invited again", day).getBusinessKey();
    long requestId = session.requestOf(bk);
    Invitation booked = emailedWith(requestId, InvitationStatus.INVITED);
    String email = session.contacts.expert(booked.expertRef()).orElseThrow().email();
    deliveries.sendAll();
    driver.submit(answerTasks(bk, booked.id()).get(0), Map.of("invitationAnswer", "accept"));
    deliveries.sendAll();
    changes.cancel(requestId, CANCEL_REASON, CycleDriver.COORDINATOR);
    deliveries.sendAll();
    assertThat(calledOff(email)).hasSize(1);
    assertThat(session.invitations.get(booked.id()).status()).isEqualTo(InvitationStatus.CALLED_OFF);
    assertThat(invitations(email)).hasSize(1);
    assertThat(confirmations(email)).hasSize(1);

    // The commissioner gives a new date; the person called off can be proposed for it.
    LocalDate newDay = day.plusDays(7);
    driver.describeRequest(bk, newDay, 2);
    driver.acceptRequest(bk);
    InvitationStatus proposed = session.invitations.get(booked.id()).status();
    Map<String, Object> confirm = new HashMap<>(Map.of("proposalConfirmed", true));
    if (proposed != InvitationStatus.PROPOSED) {
      assertThat(session.matching.eligible(session.requests.get(requestId))).extracting(c -> c.expert().ref())
          .contains(booked.expertRef());
      confirm.put("addExpertRefs", booked.expertRef());
      confirm.put("overrideReason", "They were coming on the old date and would like to come on the new one.");
    }
    driver.submit(driver.task(bk, "Activity_ConfirmExperts"), confirm);

    // Invited again on the same invitation: one new invitation, for the new date; nothing old sent again.
    assertThat(session.invitations.findByRequest(requestId)).filteredOn(i -> i.expertRef().equals(booked.expertRef()))
        .singleElement().satisfies(i -> {
          assertThat(i.id()).isEqualTo(booked.id());
          assertThat(i.status()).isEqualTo(InvitationStatus.INVITED);
        });
    deliveries.sendAll();
    List<Mail> invited = invitations(email);
    assertThat(invited).hasSize(2);
    assertThat(invited.get(1).text()).contains(String.valueOf(newDay.getDayOfMonth()));
    assertThat(calledOff(email)).hasSize(1);
    assertThat(confirmations(email)).hasSize(1);

    // They say yes by the new link: confirmed for the new date, once.
    String token = invited.get(1).token(LINK);
    assertThat(get(token)).contains("This session has changed since we first", MessageContent.DAY.format(day),
        CANCEL_REASON);
    assertThat(post(token, "1")).contains("You said yes");
    deliveries.sendAll();
    List<Mail> confirmed = confirmations(email);
    assertThat(confirmed).hasSize(2);
    assertThat(confirmed.get(1).subject()).contains(String.valueOf(newDay.getDayOfMonth()));
    int sent = Mailbox.read(mail).size();
    deliveries.sendAll();
    assertThat(Mailbox.read(mail)).hasSize(sent);
  }

  private Invitation emailedWith(long requestId, InvitationStatus status) {
    return session.with(requestId, status).stream().filter(i -> session.contacts.emailReaches(i.expertRef()))
        .findFirst().orElseThrow(() -> new AssertionError("someone who reads email is invited"));
  }

  private List<Task> answerTasks(String bk, long invitationId) {
    return driver.tasks(bk, "Activity_AnswerInvitation").stream()
        .filter(t -> ((Number) engine.getTaskService().getVariable(t.getId(), "invitationId")).longValue()
            == invitationId)
        .toList();
  }

  private List<Mail> invitations(String email) {
    return Mailbox.to(mail, email).stream().filter(m -> m.text().contains(LINK) && !m.subject().contains("confirmed"))
        .toList();
  }

  private List<Mail> confirmations(String email) {
    return Mailbox.to(mail, email).stream().filter(m -> m.subject().contains("is confirmed")).toList();
  }

  private List<Mail> calledOff(String email) {
    return Mailbox.to(mail, email).stream().filter(m -> m.subject().contains("will not happen")).toList();
  }

  private String get(String token) throws Exception {
    return mvc.perform(MockMvcRequestBuilders.get(LINK + token)).andReturn().getResponse().getContentAsString();
  }

  private String post(String token, String seenChange) throws Exception {
    return mvc.perform(MockMvcRequestBuilders.post(LINK + token).param("answer", "accept")
        .param("seenChange", seenChange)).andReturn().getResponse().getContentAsString();
  }
}
