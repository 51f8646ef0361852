package org.coproduced.commissioning.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.coproduced.commissioning.involvement.aftercare.SessionGate;
import org.coproduced.commissioning.notification.MailTest;
import org.coproduced.commissioning.notification.Mailbox;
import org.coproduced.commissioning.notification.TestMailServer;
import org.coproduced.commissioning.support.PersonalDataScan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * After a session where people were asked about their own experiences, coordinators' check-in
 * notes and what experts said about how it was for them (by the email link and through a
 * coordinator) are in the application's tables, private to coordinators, and in no table of the
 * engine: not its history, runtime, byte arrays or identity tables.
 */
@MailTest
class SessionAftercarePrivacyTest {

  private static final String CHECK_IN_NOTES = "Finds the anniversary of the eviction hard (aftercare privacy scan)";
  private static final String LINK_WORDS = "Nobody told me where the lift was (aftercare privacy scan)";
  private static final String PHONE_WORDS = "I wanted more time to speak at the end (aftercare privacy scan)";

  @RegisterExtension static GreenMailExtension mail = TestMailServer.extension();

  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired ProcessEngine engine;

  private String processOf(String businessKey) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .singleResult().getId();
  }

  @Test
  void checkInNotesAndAnswersAboutASessionNeverReachTheEngine() throws Exception {
    SessionGate gate = new SessionGate(context);
    String bk = gate.invited("Aftercare privacy scan", true, "EX-0008", "EX-0007");
    gate.held(bk);
    long harry = gate.invitationId(bk, "EX-0008");
    long grace = gate.invitationId(bk, "EX-0007");
    gate.deliveries().sendAll();

    gate.driver().submit(gate.task("check-in/" + harry), Map.of("checkInOutcome", "done", "privateCheckInNotes", CHECK_IN_NOTES));
    gate.driver().submit(gate.task("check-in/" + grace), Map.of("checkInOutcome", "declined"));
    String token = Mailbox.to(mail, "harry.walsh@example.org").stream().filter(m -> m.text().contains("/app/how-was-it/"))
        .findFirst().orElseThrow().token("/app/how-was-it/");
    mvc.perform(post("/app/how-was-it/" + token).param("listenedTo", "no").param("whatToChange", LINK_WORDS)
        .param("wantsContact", "yes"));
    gate.driver().submit(gate.task("session-experience/" + grace), Map.of("privatePrepared", "no",
        "privateWhatToChange", PHONE_WORDS, "wantsContact", true));

    assertThat(PersonalDataScan.find(jdbc, "ACT_", CHECK_IN_NOTES, LINK_WORDS, PHONE_WORDS))
        .as("private words in the engine's tables").isEmpty();
    assertThat(PersonalDataScan.find(jdbc, "CC_", CHECK_IN_NOTES, LINK_WORDS, PHONE_WORDS)).as("kept for coordinators")
        .containsExactlyInAnyOrder("CC_CHECK_IN.NOTES contains " + CHECK_IN_NOTES,
            "CC_SESSION_EXPERIENCE.WHAT_TO_CHANGE contains " + LINK_WORDS,
            "CC_SESSION_EXPERIENCE.WHAT_TO_CHANGE contains " + PHONE_WORDS);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().variableNameLike("private%")
        .processInstanceIdIn(processOf("session-experience/" + grace), processOf("check-in/" + harry)).list())
        .as("how someone felt, even as a yes or no, is not kept by the engine").isEmpty();
    gate.driver().submit(gate.task("session-experience/" + harry), Map.of("gotInTouch", true));
    gate.driver().submit(gate.task("session-experience/" + grace), Map.of("gotInTouch", true));
  }
}
