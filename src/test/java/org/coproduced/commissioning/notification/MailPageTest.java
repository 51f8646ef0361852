package org.coproduced.commissioning.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.cycle.StageUpdateMessage;
import org.coproduced.commissioning.modelcheck.Stage;
import org.coproduced.commissioning.support.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox page: coordinators and administrators see every message and where it is; nobody else. */
@MailTest
class MailPageTest {

  @RegisterExtension static GreenMailExtension mail = TestMailServer.extension();

  @Autowired ProcessEngine engine;
  @LocalServerPort int port;
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

    String list = page("/app/mail", as("coordinator"), 200);
    assertThat(list).contains("Where things are now: understanding needs is done", "EX-0008", "Sent");
    String one = page("/app/mail/" + id, as("admin"), 200);
    assertThat(one).contains("stage-update/" + cycleId + "/ANALYSE/0/EX-0008", "SENT",
        "Messages are not kept by the application");
  }

  @Test
  void othersCannotSeeTheOutbox() throws Exception {
    assertThat(page("/app/mail", null, 401)).contains("Please sign in");
    assertThat(page("/app/mail", as("expert1"), 403)).doesNotContain("EX-0");
    assertThat(page("/app/mail", as("commissioner"), 403)).contains("not part of your work");
    assertThat(page("/app/mail", as("auditor"), 403)).contains("not part of your work");
  }

  /** A browser signed in as this demo user, to the webapp they use (auditors have only Cockpit). */
  private WebSession as(String user) {
    String app = "auditor".equals(user) ? "cockpit" : "tasklist";
    return WebSession.open(port, app).signIn(app, user);
  }

  private String page(String path, WebSession browser, int status) {
    HttpResponse<String> page = (browser == null ? new WebSession(port) : browser).get(path);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(status);
    return page.body();
  }
}
