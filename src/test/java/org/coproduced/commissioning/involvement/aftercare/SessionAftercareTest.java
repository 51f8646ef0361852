package org.coproduced.commissioning.involvement.aftercare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.WellbeingSupport;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Verdict;
import org.coproduced.commissioning.involvement.matching.MatchingService;
import org.coproduced.commissioning.involvement.matching.NotProposed;
import org.coproduced.commissioning.notification.MailTest;
import org.coproduced.commissioning.notification.Mailbox;
import org.coproduced.commissioning.notification.TestMailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Wellbeing around sessions and "How was it for you?", end to end through the real models, the
 * outbox and the mail server: what the invitation says, the coordinator's check-in and the
 * invitation it holds back, and the questions by email link or through a coordinator.
 */
@MailTest
class SessionAftercareTest {

  static final String HARRY = "harry.walsh@example.org"; // EX-0008, email
  static final String IMANI = "imani.brooks@example.org"; // EX-0009, email

  @RegisterExtension static GreenMailExtension mail = TestMailServer.extension();

  @Autowired ApplicationContext context;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired WellbeingSupport wellbeing;
  @Autowired MatchingService matching;
  @Autowired InvolvementRequestRepository requests;
  @Autowired ExpertRepository experts;

  SessionGate gate;

  @BeforeEach
  void setUp() {
    gate = new SessionGate(context);
  }

  // ---- the invitation ----

  @Test
  void anInvitationToTalkAboutOwnExperiencesSaysSoWithTheSupportAndThatTheyCanStop() throws Exception {
    gate.invited("Own experiences invitation", true, "EX-0008");

    Mailbox.Mail invitation = only(HARRY, "/app/invitations/");
    assertThat(invitation.text()).contains("Talking about your own experiences",
        "you may be asked to talk about your own experiences", "You can stop at any time",
        wellbeing.support(), "a coordinator will get in touch to see how you are");
    assertThat(invitation.html()).contains("Talking about your own experiences", "You can stop at any time");
    String page = page(get("/app/invitations/" + invitation.token("/app/invitations/")), 200);
    assertThat(page).contains("you may be asked to talk about your own experiences", "You can stop at any time");
  }

  @Test
  void anInvitationThatAsksNothingPersonalSaysNothingAboutIt() {
    gate.invited("No own experiences invitation", false, "EX-0008");

    assertThat(only(HARRY, "/app/invitations/").text()).doesNotContain("your own experiences")
        .doesNotContain(wellbeing.support());
  }

  // ---- the check-in ----

  @Test
  void aCoordinatorChecksInWithEachExpertWhoTookPartAndTheirNextInvitationWaitsUntilThen() throws Exception {
    String bk = gate.invited("Check-in cycle", true, "EX-0008", "EX-0009");
    gate.held(bk, "EX-0009");
    long harry = gate.invitationId(bk, "EX-0008");

    Task checkIn = gate.task("check-in/" + harry);
    assertThat(checkIn.getName()).isEqualTo("Check in with EX-0008 (by email) after their session · Check-in cycle");
    assertThat(gate.task("check-in/" + gate.invitationId(bk, "EX-0009"))).as("nobody checks in with someone who did not come")
        .isNull();
    String later = gate.invited("A later session", false, "EX-0009");
    var next = requests.get(gate.requestId(later));
    var harryExpert = experts.findByRef("EX-0008").orElseThrow();
    assertThat(matching.checkAddition(next, harryExpert)).isEqualTo(Verdict.CHECK_IN_DUE);
    assertThat(matching.notProposed(next, areas -> "")).filteredOn(n -> n.expert().ref().equals("EX-0008"))
        .extracting(NotProposed::why).singleElement().asString().contains("has not yet checked in with them");

    gate.driver().submit(checkIn, Map.of("checkInOutcome", "declined",
        "privateCheckInNotes", "Would rather talk to their own support worker (check-in test)"));

    assertThat(jdbc.sql("SELECT status || ' ' || notes FROM cc_check_in WHERE invitation_id = ?").param(harry)
        .query(String.class).single()).isEqualTo("DECLINED Would rather talk to their own support worker (check-in test)");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .variableName("privateCheckInNotes").count()).isZero();
    assertThat(matching.checkAddition(next, harryExpert)).isNotEqualTo(Verdict.CHECK_IN_DUE);
  }

  @Test
  void aCheckInNeedsAnOutcomeAndChangesNothingWithout() {
    String bk = gate.invited("Check-in without outcome", true, "EX-0008");
    gate.held(bk);
    long harry = gate.invitationId(bk, "EX-0008");
    Task checkIn = gate.task("check-in/" + harry);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> gate.driver().submit(checkIn, Map.of("checkInOutcome", "maybe")))
        .hasMessageContaining("Please choose one of the options for \"How did the check-in go\"");

    assertThat(jdbc.sql("SELECT status FROM cc_check_in WHERE invitation_id = ?").param(harry).query(String.class)
        .single()).isEqualTo("OPEN");
    gate.driver().submit(gate.task("check-in/" + harry), Map.of("checkInOutcome", "done"));
  }

  // ---- how was it for you? ----

  @Test
  void anExpertWhoReadsEmailAnswersThroughTheLinkAndAskingForContactGivesACoordinatorTask() throws Exception {
    String bk = gate.invited("Questions by email", false, "EX-0008", "EX-0009");
    gate.held(bk, "EX-0009");
    long harry = gate.invitationId(bk, "EX-0008");
    gate.deliveries().sendAll();

    assertThat(gate.task("check-in/" + harry)).as("no check-in when nobody was asked about their own life").isNull();
    assertThat(Mailbox.to(mail, IMANI)).as("nobody who did not come is asked").noneMatch(m -> m.text().contains("/app/how-was-it/"));
    Mailbox.Mail questions = only(HARRY, "/app/how-was-it/");
    assertThat(questions.subject()).isEqualTo("How was the session for you?");
    String link = "/app/how-was-it/" + questions.token("/app/how-was-it/");
    assertThat(page(get(link), 200)).contains("How was it for you?", "Questions by email", "Every question is optional",
        "Did you feel listened to?", "Would you take part again?");

    String done = page(post(link).param("listenedTo", "yes").param("prepared", "partly").param("fairlyPaid", "no")
        .param("whatToChange", "Please send the papers a week before.").param("wantsContact", "yes"), 200);

    assertThat(done).contains("Thank you", "A coordinator will contact you soon");
    assertThat(jdbc.sql("""
            SELECT status || ' ' || listened_to || ' ' || prepared || ' ' || fairly_paid || ' ' || what_to_change
            FROM cc_session_experience WHERE invitation_id = ?""").param(harry).query(String.class).single())
        .isEqualTo("ANSWERED yes partly no Please send the papers a week before.");
    Task getInTouch = gate.task("session-experience/" + harry);
    assertThat(getInTouch.getTaskDefinitionKey()).isEqualTo("Activity_GetInTouch");
    assertThat(getInTouch.getName()).isEqualTo("Get in touch with EX-0008 (by email) about their session · Questions by email");
    assertThat(page(post(link).param("listenedTo", "no"), 200)).contains("Thank you, we already have this");
    assertThat(jdbc.sql("SELECT listened_to FROM cc_session_experience WHERE invitation_id = ?").param(harry)
        .query(String.class).single()).isEqualTo("yes");

    gate.driver().submit(getInTouch, Map.of("gotInTouch", true));
    assertThat(gate.task("session-experience/" + harry)).isNull();
    assertThat(Mailbox.to(mail, HARRY)).filteredOn(m -> m.text().contains("/app/how-was-it/")).hasSize(1);
  }

  @Test
  void answersThatAreNotChoicesOrNothingAtAllAreRefusedKindlyAndChangeNothing() throws Exception {
    String bk = gate.invited("Questions refused", false, "EX-0008");
    gate.held(bk);
    long harry = gate.invitationId(bk, "EX-0008");
    gate.deliveries().sendAll();
    String link = "/app/how-was-it/" + only(HARRY, "/app/how-was-it/").token("/app/how-was-it/");

    assertThat(page(post(link).param("listenedTo", "very"), 200)).contains("Please choose one of the answers given");
    assertThat(page(post(link), 200)).contains("You have not answered any of the questions. That is fine");
    assertThat(page(get(link.substring(0, link.length() - 1) + (link.endsWith("A") ? "B" : "A")), 404))
        .doesNotContain("Questions refused");

    assertThat(jdbc.sql("SELECT status FROM cc_session_experience WHERE invitation_id = ?").param(harry)
        .query(String.class).single()).isEqualTo("ASKED");
    assertThat(gate.task("session-experience/" + harry)).isNull();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey("session-experience/" + harry).singleResult()).isNotNull();
  }

  @Test
  void nobodyIsChasedWhenTheLinkIsNotAnswered() {
    String bk = gate.invited("Questions not answered", false, "EX-0008");
    gate.held(bk);
    long harry = gate.invitationId(bk, "EX-0008");
    ProcessInstance asking = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey("session-experience/" + harry).singleResult();

    engine.getManagementService().createJobQuery().processInstanceId(asking.getId()).activityId("Event_NoAnswer")
        .list().forEach(job -> engine.getManagementService().executeJob(job.getId()));

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(asking.getId()).count()).isZero();
    assertThat(jdbc.sql("SELECT status FROM cc_session_experience WHERE invitation_id = ?").param(harry)
        .query(String.class).single()).isEqualTo("NO_ANSWER");
  }

  @Test
  void someoneWhoPrefersPostOrPhoneIsAskedByACoordinatorAndNeedNotAnswer() {
    String bk = gate.invited("Questions by phone", false, "EX-0005", "EX-0007");
    gate.held(bk);
    long eileen = gate.invitationId(bk, "EX-0005");
    long grace = gate.invitationId(bk, "EX-0007");

    Task askEileen = gate.task("session-experience/" + eileen);
    assertThat(askEileen.getName()).isEqualTo("Ask EX-0005 (by post) how the session was for them · Questions by phone");
    gate.driver().submit(askEileen, Map.of());
    gate.driver().submit(gate.task("session-experience/" + grace), Map.of("privateListenedTo", "yes", "privateTakePartAgain", "maybe",
        "privateWhatToChange", "A later start, please, the buses are few."));

    assertThat(jdbc.sql("SELECT status FROM cc_session_experience WHERE invitation_id = ?").param(eileen)
        .query(String.class).single()).isEqualTo("NO_ANSWER");
    assertThat(jdbc.sql("SELECT status || ' ' || answered_how || ' ' || what_to_change FROM cc_session_experience WHERE invitation_id = ?")
        .param(grace).query(String.class).single()).isEqualTo("ANSWERED coordinator A later start, please, the buses are few.");
    assertThat(gate.task("session-experience/" + eileen)).isNull();
    assertThat(gate.task("session-experience/" + grace)).as("no contact asked, so no task").isNull();
    assertThat(gate.deliveries().outbox()).noneMatch(m -> m.contains("SESSION_QUESTIONS"));
  }

  private Mailbox.Mail only(String address, String path) {
    List<Mailbox.Mail> found = Mailbox.to(mail, address).stream().filter(m -> m.text().contains(path)).toList();
    assertThat(found).as("messages to %s with a link to %s", address, path).hasSize(1);
    return found.get(0);
  }

  private String page(RequestBuilder request, int status) throws Exception {
    MvcResult result = mvc.perform(request).andReturn();
    assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
    return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }
}
