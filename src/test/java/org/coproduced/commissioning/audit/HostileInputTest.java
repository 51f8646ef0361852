package org.coproduced.commissioning.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.FormText;
import org.coproduced.commissioning.support.ApplicationTest;
import org.coproduced.commissioning.support.CycleDriver;
import org.coproduced.commissioning.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Markup and script typed into free-text fields are stored exactly as typed and shown as text:
 * on the application's pages, in Camunda Forms and in the auditors' views. Oversized or
 * unstorable text is refused with a message that says what to change, and changes nothing.
 */
@ApplicationTest
class HostileInputTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired HistoryService history;
  @Autowired CycleRepository cycles;
  @Autowired JdbcClient jdbc;

  private final ObjectMapper json = new ObjectMapper();
  private AuditedCycle cycle;

  @BeforeEach
  void runTheAuditedCycle() {
    cycle = AuditedCycle.once(engine);
  }

  @Test
  void markupIsStoredExactlyAsTyped() {
    assertThat(cycles.findById(cycle.cycleId).orElseThrow().title()).isEqualTo(AuditedCycle.HOSTILE_TITLE);
    assertThat(jdbc.sql("SELECT DISTINCT what_changed FROM cc_contribution WHERE cycle_id = ?").param(cycle.cycleId)
        .query(String.class).list()).containsExactly(AuditedCycle.HOSTILE_CHANGE);
    assertThat(jdbc.sql("SELECT bidder_name FROM cc_bid WHERE cycle_id = ? AND slot = 1").param(cycle.cycleId)
        .query(String.class).single()).isEqualTo(AuditedCycle.HOSTILE_BIDDER);
  }

  @Test
  void applicationPagesShowMarkupAsText() {
    WebSession coordinator = new WebSession(port).signIn("tasklist", "coordinator");
    for (String page : List.of("/app/cycles/" + cycle.cycleId + "/contributions",
        "/app/cycles/" + cycle.cycleId + "/feedback", "/app/cycles/" + cycle.cycleId + "/specification")) {
      HttpResponse<String> response = coordinator.get(page);
      assertThat(response.statusCode()).as(page).isEqualTo(200);
      assertThat(response.body()).as(page)
          .contains("&lt;script&gt;alert(")
          .doesNotContain("<script>alert(", "<b>night</b>", "<iframe src=");
    }
    assertThat(coordinator.get("/app/cycles/" + cycle.cycleId + "/feedback").body())
        .contains("&lt;script&gt;alert(&#39;changed&#39;)&lt;/script&gt; We now open until 10pm.");
  }

  @Test
  void bidderNamesShowAsTypedInTheDeclarationForm() {
    // The declare-interests form's text view renders Markdown, then HTML: every punctuation mark
    // is escaped so that what shows is the name as typed, not an image or bold text.
    HistoricVariableInstance bidNames = history.createHistoricVariableInstanceQuery()
        .processInstanceId(cycle.processInstanceId).variableName("bidNames").singleResult();
    assertThat(bidNames.getValue()).isEqualTo(FormText.literal(AuditedCycle.HOSTILE_BIDDER) + ", "
        + FormText.literal("Streetlight Housing"));
    assertThat(FormText.literal(AuditedCycle.HOSTILE_BIDDER))
        .isEqualTo("\\<img src\\=x onerror\\=alert\\(1\\)\\> \\*\\*Bold\\*\\* Trust");
  }

  @Test
  void auditViewsReturnMarkupAsPlainJsonText() throws Exception {
    HttpResponse<String> response = new WebSession(port).signIn("cockpit", "auditor")
        .get("/app/api/audit/cycles/" + cycle.cycleId);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    JsonNode detail = json.readTree(response.body());
    assertThat(detail.get("cycle").get("title").asText()).isEqualTo(AuditedCycle.HOSTILE_TITLE);
    assertThat(detail.get("contributions").get(0).get("whatChanged").asText()).isEqualTo(AuditedCycle.HOSTILE_CHANGE);
    // The Cockpit plugin puts these values into the page as text nodes only (see AuditApiTest).
  }

  @Test
  void oversizedTextIsRefusedWithAClearMessageAndChangesNothing() {
    CycleDriver driver = new CycleDriver(engine);
    long cyclesBefore = jdbc.sql("SELECT COUNT(*) FROM cc_cycle").query(Long.class).single();
    assertThatThrownBy(() -> driver.startCycle("x".repeat(121)))
        .isInstanceOf(FormInputException.class)
        .hasMessage("\"Name of the cycle\" is too long: please keep it under 120 characters (it has 121).");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM cc_cycle").query(Long.class).single()).isEqualTo(cyclesBefore);

    String bk = driver.startCycle("Oversized plan").getBusinessKey();
    Task plan = driver.task(bk, "Activity_AgreeInvolvementPlan");
    Map<String, Object> fields = new HashMap<>(Map.of("sharedPurpose", "y".repeat(4001),
        "rolesAgreed", "Experts co-design and co-decide.", "recompenseOffer", "choice", "planAgreed", true));
    assertThatThrownBy(() -> driver.submit(plan, fields))
        .isInstanceOf(FormInputException.class)
        .hasMessage("\"Shared purpose\" is too long: please keep it under 4000 characters (it has 4001).");
    assertThat(driver.tasks(bk, "Activity_AgreeInvolvementPlan")).as("the task stays open").hasSize(1);

    fields.put("sharedPurpose", "Design the service\u0007 together.");
    assertThatThrownBy(() -> driver.submit(plan, fields)).isInstanceOf(FormInputException.class)
        .hasMessageContaining("contains characters that cannot be stored");
  }

  @Test
  void tasklistShowsTheRefusalFromTheSameCompletionRequest() throws Exception {
    CycleDriver driver = new CycleDriver(engine);
    String bk = driver.startCycle("Oversized plan in Tasklist").getBusinessKey();
    Task plan = driver.task(bk, "Activity_AgreeInvolvementPlan");
    WebSession coordinator = new WebSession(port).signIn("tasklist", "coordinator");

    HttpResponse<String> response = coordinator.send("POST",
        "/camunda/api/engine/engine/default/task/" + plan.getId() + "/submit-form",
        "{\"variables\": {\"sharedPurpose\": {\"value\": \"" + "z".repeat(4001) + "\", \"type\": \"String\"},"
            + " \"rolesAgreed\": {\"value\": \"Experts decide with us.\", \"type\": \"String\"},"
            + " \"recompenseOffer\": {\"value\": \"choice\", \"type\": \"String\"},"
            + " \"planAgreed\": {\"value\": true, \"type\": \"Boolean\"}}}");

    assertThat(response.statusCode()).isBetween(400, 599).isNotIn(401, 403);
    // Tasklist shows this message: the REST API names the task, then the plain words follow,
    // without the engine's wrapping of them.
    assertThat(json.readTree(response.body()).get("message").asText())
        .endsWith(": \"Shared purpose\" is too long: please keep it under 4000 characters (it has 4001).")
        .doesNotContain("ENGINE-", "TaskListener");
    assertThat(driver.tasks(bk, "Activity_AgreeInvolvementPlan")).as("the task stays open").hasSize(1);
  }
}
