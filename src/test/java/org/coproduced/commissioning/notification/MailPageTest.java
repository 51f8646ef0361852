package org.coproduced.commissioning.notification;

import org.coproduced.commissioning.modelcheck.Stage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.coproduced.commissioning.cycle.StageUpdateMessage;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox page: coordinators and administrators see every message and where it is; nobody else. */
@MailTest
class MailPageTest {

  @RegisterExtension static GreenMailExtension mail = TestMailServer.extension();

  @Autowired ProcessEngine engine;
  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired MessageQueue queue;
  @Autowired CycleRepository cycles;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void coordinatorsSeeEachMessageAndWhetherItWasSent() throws Exception {
    Deliveries deliveries = new Deliveries(engine, jdbc);
    long cycleId = cycles.insert("Outbox page", "mental-health", "under-100k", "Experts will shape the service.",
        "Better outcomes", "Spring", "commissioner", null);
    new TransactionTemplate(transactions).executeWithoutResult(status -> queue.queue(
        "stage-update/" + cycleId + "/ANALYSE/0/EX-0008", Recipient.expert("EX-0008"),
        new StageUpdateMessage(cycleId, Stage.ANALYSE)));
    deliveries.sendAll();
    long id = jdbc.sql("SELECT id FROM cc_message WHERE id > ?").param(deliveries.since()).query(Long.class).single();

    String list = page("/app/mail", as("coordinator", "coordinators"), 200);
    assertThat(list).contains("Where things are now: understanding needs is done", "EX-0008", "Sent");
    String one = page("/app/mail/" + id, as("admin", "camunda-admin"), 200);
    assertThat(one).contains("stage-update/" + cycleId + "/ANALYSE/0/EX-0008", "SENT",
        "Messages are not kept by the application");
  }

  @Test
  void othersCannotSeeTheOutbox() throws Exception {
    assertThat(page("/app/mail", null, 401)).contains("Please sign in");
    assertThat(page("/app/mail", as("expert1", "experts"), 403)).doesNotContain("EX-0");
    assertThat(page("/app/mail", as("commissioner", "commissioners"), 403)).contains("not part of your work");
    assertThat(page("/app/mail", as("auditor", "auditors"), 403)).contains("not part of your work");
  }

  private MockHttpSession as(String user, String group) {
    MockHttpSession session = new MockHttpSession();
    UserAuthentication authentication = AuthenticationUtil.createAuthentication(engine.getName(), user, List.of(group),
        List.of());
    Authentications authentications = new Authentications();
    authentications.addOrReplace(authentication);
    AuthenticationUtil.updateSession(session, authentications);
    return session;
  }

  private String page(String path, MockHttpSession session, int status) throws Exception {
    var request = get(path);
    if (session != null) {
      request.session(session);
    }
    MvcResult result = mvc.perform(request).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(status);
    return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }
}
