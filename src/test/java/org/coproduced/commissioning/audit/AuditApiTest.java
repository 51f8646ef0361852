package org.coproduced.commissioning.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.coproduced.commissioning.support.ApplicationTest;
import org.coproduced.commissioning.support.CycleDriver;
import org.coproduced.commissioning.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an auditor reads in Cockpit through the application's audit endpoints: cycles running and
 * finished, one cycle's history, decisions and coproduction evidence, the figures across cycles
 * and their CSV exports; and that only auditors and administrators read them, and only read.
 */
@ApplicationTest
class AuditApiTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired AuthorizationService authorizations;

  private final ObjectMapper json = new ObjectMapper();
  private AuditedCycle cycle;

  @BeforeEach
  void runTheAuditedCycle() {
    cycle = AuditedCycle.once(engine);
  }

  @Test
  void auditorListsFinishedAndRunningCycles() throws Exception {
    String running = new CycleDriver(engine).startCycle("Still running").getBusinessKey();
    WebSession auditor = new WebSession(port).signIn("cockpit", "auditor");

    JsonNode newest = read(auditor, "/app/api/audit/cycles");

    assertThat(newest.get("page").asInt()).isEqualTo(1);
    assertThat(newest.get("newer").asBoolean()).isFalse();
    assertThat(row(newest.get("cycles"), Long.parseLong(running)).get("status").asText()).isEqualTo("ACTIVE");
    assertThat(row(newest.get("cycles"), Long.parseLong(running)).get("running").asBoolean()).isTrue();
    assertThat(cycleRow(auditor, cycle.cycleId).get("status").asText()).isEqualTo("COMPLETED");
    assertThat(cycleRow(auditor, cycle.cycleId).get("running").asBoolean()).isFalse();
  }

  @Test
  void auditorOpensACycleWithStagesTasksDecisionsAndTheOperationLog() throws Exception {
    JsonNode detail = read(new WebSession(port).signIn("cockpit", "auditor"), "/app/api/audit/cycles/" + cycle.cycleId);

    JsonNode history = detail.get("history");
    assertThat(history.get("processInstanceId").asText()).isEqualTo(cycle.processInstanceId);
    assertThat(history.get("endedAt").isNull()).isFalse();
    assertThat(texts(history.get("timeline"), "name")).contains("Involve experts: understand needs",
        "Involve experts: design the service together", "Involve experts: evaluate the bids",
        "Involve experts: evaluate the service together", "Tell everyone what we did with what they said");
    for (JsonNode step : history.get("timeline")) {
      assertThat(step.get("startedAt").isNull()).as(step.toString()).isFalse();
    }
    List<JsonNode> tasks = list(history.get("tasks"));
    assertThat(tasks).extracting(t -> t.get("process").asText())
        .contains("commissioning-cycle", "involvement-request", "feedback-delivery");
    for (JsonNode task : tasks) {
      if ("completed".equals(task.get("state").asText())) {
        assertThat(task.get("completedBy").asText()).as(task.toString()).isNotBlank().isNotEqualTo("null");
        assertThat(task.get("endedAt").isNull()).isFalse();
      }
    }
    assertThat(tasks).filteredOn(t -> t.get("taskKey").asText().equals("Activity_AgreeInvolvementPlan"))
        .singleElement().satisfies(t -> assertThat(t.get("completedBy").asText()).isEqualTo("coordinator"));
    assertThat(texts(history.get("operations"), "operation")).contains("Complete");
    assertThat(texts(history.get("operations"), "userId")).contains("commissioner", "coordinator");

    JsonNode decisions = detail.get("decisions");
    assertThat(texts(decisions.get("specificationReviews"), "decision")).containsOnly("approve");
    assertThat(decisions.get("scores").size()).isPositive();
    assertThat(decisions.get("award").get("winningBidder").asText()).isEqualTo(AuditedCycle.HOSTILE_BIDDER);
    assertThat(decisions.get("award").get("panelAgrees").asBoolean()).isTrue();
    assertThat(detail.get("reviewOutcome").asText()).isEqualTo("continue");
  }

  @Test
  void auditorSeesTheCoproductionEvidenceByPseudonymOnly() throws Exception {
    HttpResponse<String> response = new WebSession(port).signIn("cockpit", "auditor")
        .get("/app/api/audit/cycles/" + cycle.cycleId);
    JsonNode detail = json.readTree(response.body());

    List<JsonNode> gates = list(detail.get("gates"));
    assertThat(gates).extracting(g -> g.get("stage").asText()).containsExactly("ANALYSE", "CODESIGN", "EVALUATION", "COEVALUATION");
    assertThat(gates).allSatisfy(g -> {
      assertThat(g.get("passed").asBoolean()).isTrue();
      assertThat(g.get("noticeMet").asBoolean()).isTrue();
      assertThat(g.get("noticeWorkingDays").asInt()).isGreaterThanOrEqualTo(g.get("minimumNoticeWorkingDays").asInt());
      assertThat(g.get("attended").asInt()).isPositive();
    });
    List<JsonNode> contributions = list(detail.get("contributions"));
    assertThat(contributions).isNotEmpty().allSatisfy(c -> {
      assertThat(c.get("ref").asText()).matches("C-\\d+");
      assertThat(c.get("contributor").asText()).matches("EX-\\d{4}");
      assertThat(c.get("outcome").asText()).isEqualTo("adopted");
    });
    List<JsonNode> feedback = list(detail.get("feedback"));
    assertThat(feedback).isNotEmpty().allSatisfy(f -> {
      assertThat(f.get("status").asText()).isIn("ACKNOWLEDGED", "ATTESTED");
      assertThat(f.get("daysFromDecision").isNumber()).isTrue();
    });
    assertThat(list(detail.get("recompense"))).isNotEmpty()
        .allSatisfy(r -> assertThat(r.get("hours").asInt()).isPositive());
    // Names and contacts of experts, and their own words, never reach the audit views.
    assertThat(response.body()).doesNotContain("Asha Patel", "@example.org", "Example Street",
        "I could never get through on the phone");
  }

  @Test
  void auditorReadsWhyNobodyCouldTakePartInTheGatesEvidence() throws Exception {
    CycleDriver driver = new CycleDriver(engine);
    String bk = driver.startCycle("Nobody could take part").getBusinessKey();
    driver.agreePlan(bk);
    // Experts were asked and none came; the coordinator then closes the gate, saying why.
    driver.sessionNobodyCameTo(bk, CycleDriver.nextSessionDate(), 2);
    driver.describeRequest(bk, CycleDriver.nextSessionDate().plusDays(7), 2);
    driver.submit(driver.task(bk, "Activity_ReviewRequest"), Map.of("requestDecision", "nobodyCanTakePart"));
    String reason = "Nobody could come on the first date, and the experts asked cannot make another date this month.";
    driver.submit(driver.task(bk, "Activity_RecordNobodyCouldTakePart"), Map.of("privateNobodyReason", reason));

    JsonNode detail = json.readTree(new WebSession(port).signIn("cockpit", "auditor")
        .get("/app/api/audit/cycles/" + bk).body());

    assertThat(list(detail.get("gates"))).singleElement().satisfies(gate -> {
      assertThat(gate.get("stage").asText()).isEqualTo("ANALYSE");
      assertThat(gate.get("status").asText()).isEqualTo("NOBODY_AVAILABLE");
      assertThat(gate.get("passed").asBoolean()).isFalse();
      assertThat(gate.get("nobodyCouldTakePartReason").asText()).isEqualTo(reason);
    });
  }

  @Test
  void figuresAcrossCyclesCanBeReadAndExported() throws Exception {
    WebSession auditor = new WebSession(port).signIn("cockpit", "auditor");

    JsonNode figures = read(auditor, "/app/api/audit/figures");
    assertThat(figures.get("cycles").asInt()).isPositive();
    assertThat(figures.get("medianDaysFromDecisionToFeedback").isNumber()).isTrue();
    assertThat(figures.get("shareAdopted").asDouble()).isBetween(0.0, 1.0);
    assertThat(figures.get("hoursPerExpert").get("max").asDouble()).isPositive();
    assertThat(cycleRow(auditor, cycle.cycleId).get("adopted").asInt()).isPositive();

    HttpResponse<String> cycles = auditor.get("/app/api/audit/cycles.csv");
    assertThat(cycles.statusCode()).isEqualTo(200);
    assertThat(cycles.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(cycles.headers().firstValue("Content-Disposition")).hasValueSatisfying(
        d -> assertThat(d).contains("attachment").contains("coproduction-cycles.csv"));
    assertThat(cycles.body()).contains("median days from decision to feedback")
        .contains(cycle.cycleId + "," + AuditedCycle.HOSTILE_TITLE + ",housing-homelessness,COMPLETED,");
    assertThat(auditor.get("/app/api/audit/experts.csv").body()).contains("contributor,hours given,sessions attended")
        .containsPattern("EX-0\\d{3},\\d+,\\d+");

    HttpResponse<String> contributions = auditor.get("/app/api/audit/cycles/" + cycle.cycleId + "/contributions.csv");
    // A formula typed into a form is exported as text, never run by the spreadsheet.
    assertThat(contributions.body()).contains("\"'=HYPERLINK(\"\"http://example.org\"\",\"\"click\"\")\"")
        .doesNotContain(",=HYPERLINK");
  }

  @Test
  void auditorSeesReviewingTheSpecificationAsPaidWorkInPlainWordsAndInTheCsv() throws Exception {
    WebSession auditor = new WebSession(port).signIn("cockpit", "auditor");
    JsonNode detail = read(auditor, "/app/api/audit/cycles/" + cycle.cycleId);

    List<JsonNode> recompense = list(detail.get("recompense"));
    assertThat(recompense).extracting(r -> r.get("work").asText()).contains("Sessions", "Reviewing the specification")
        .containsSubsequence("Sessions", "Reviewing the specification");
    assertThat(recompense).filteredOn(r -> r.get("work").asText().equals("Reviewing the specification"))
        .allSatisfy(r -> assertThat(r.get("hours").asInt()).isEqualTo(2 * r.get("entries").asInt()));
    double owed = recompense.stream().mapToDouble(r -> r.get("amount").asDouble()).sum();
    assertThat(cycleRow(auditor, cycle.cycleId).get("recompense").asDouble())
        .isEqualTo(owed, org.assertj.core.data.Offset.offset(0.001));

    HttpResponse<String> csv = auditor.get("/app/api/audit/cycles/" + cycle.cycleId + "/recompense.csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(
        d -> assertThat(d).contains("cycle-" + cycle.cycleId + "-recompense.csv"));
    assertThat(csv.body()).contains("for,recompense,entries,hours,recompense (GBP),expenses (GBP)")
        .containsPattern("Reviewing the specification,(payment|voucher|training credit|none, by their choice|\"none, by their choice\"),\\d+,\\d+,")
        .doesNotContain("PAYMENT", "SPECIFICATION_REVIEW", "EX-");
  }

  @Test
  void onlyAuditorsAndAdministratorsRead() {
    String path = "/app/api/audit/cycles/" + cycle.cycleId;
    assertThat(new WebSession(port).get(path).statusCode()).isEqualTo(401);
    assertThat(new WebSession(port).signIn("tasklist", "expert1").get(path).statusCode()).isEqualTo(403);
    assertThat(new WebSession(port).signIn("tasklist", "commissioner").get(path).statusCode()).isEqualTo(403);
    assertThat(new WebSession(port).signIn("tasklist", "coordinator").get("/app/api/audit/figures").statusCode())
        .isEqualTo(403);
    assertThat(new WebSession(port).signIn("cockpit", "admin").get(path).statusCode()).isEqualTo(200);
    assertThat(new WebSession(port).signIn("cockpit", "auditor").get("/app/api/audit/cycles/999999").statusCode())
        .isEqualTo(404);
  }

  @Test
  void aPageOfCyclesThatIsNotAWholeNumberFromOneIsExplained() throws Exception {
    WebSession auditor = new WebSession(port).signIn("cockpit", "auditor");
    for (String page : List.of("0", "-1", "two", "1.5", "99999999999")) {
      HttpResponse<String> response = auditor.get("/app/api/audit/cycles?page=" + page);
      assertThat(response.statusCode()).as(page).isEqualTo(400);
      assertThat(json.readTree(response.body()).get("message").asText())
          .isEqualTo("The page of cycles must be a whole number from 1.");
    }
    JsonNode pastTheEnd = read(auditor, "/app/api/audit/cycles?page=100000");
    assertThat(pastTheEnd.get("cycles")).isEmpty();
    assertThat(pastTheEnd.get("older").asBoolean()).isFalse();
    assertThat(pastTheEnd.get("newer").asBoolean()).isTrue();
  }

  @Test
  void nothingCanBeChangedThroughTheAuditViews() {
    WebSession auditor = new WebSession(port).signIn("cockpit", "auditor");
    for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
      for (String path : List.of("/app/api/audit/cycles", "/app/api/audit/cycles/" + cycle.cycleId,
          "/app/api/audit/figures")) {
        HttpResponse<String> response = auditor.send(method, path, "{}");
        assertThat(response.statusCode()).as(method + " " + path).isEqualTo(403);
        assertThat(response.body()).contains("read only");
      }
    }
  }

  @Test
  void engineHistoryIsReadWithTheAuditorsOwnAuthorizations() throws Exception {
    Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId("auditor");
    revoke.setResource(Resources.PROCESS_DEFINITION);
    revoke.setResourceId("commissioning-cycle");
    revoke.removePermission(ProcessDefinitionPermissions.READ_HISTORY);
    authorizations.saveAuthorization(revoke);
    try {
      JsonNode detail = read(new WebSession(port).signIn("cockpit", "auditor"),
          "/app/api/audit/cycles/" + cycle.cycleId);

      assertThat(detail.get("history").get("processInstanceId").isNull()).isTrue();
      assertThat(detail.get("history").get("tasks")).isEmpty();
      // The application's own evidence does not depend on the engine's grants.
      assertThat(detail.get("contributions")).isNotEmpty();
    } finally {
      authorizations.deleteAuthorization(revoke.getId());
    }
  }

  @Test
  void runningCycleInstanceLeadsToItsCycle() throws Exception {
    String instanceId = new CycleDriver(engine).startCycle("Instance tab").getId();
    WebSession auditor = new WebSession(port).signIn("cockpit", "auditor");

    JsonNode found = read(auditor, "/app/api/audit/process-instances/" + instanceId + "/cycle");

    assertThat(found.get("title").asText()).isEqualTo("Instance tab");
    assertThat(auditor.get("/app/api/audit/process-instances/no-such-instance/cycle").statusCode()).isEqualTo(404);
  }

  @Test
  void cockpitLoadsTheAuditPluginsThatBuildPagesFromTextOnly() {
    WebSession browser = new WebSession(port);
    HttpResponse<String> config = browser.get("/camunda/app/cockpit/scripts/config.js");
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(config.body()).contains("customScripts").contains("scripts/coproduction-audit/plugin.js");

    HttpResponse<String> plugin = browser.get("/camunda/app/cockpit/scripts/coproduction-audit/plugin.js");
    assertThat(plugin.statusCode()).isEqualTo(200);
    assertThat(plugin.body()).contains("pluginPoint: 'cockpit.route'", "pluginPoint: 'cockpit.navigation'",
        "pluginPoint: 'cockpit.dashboard'", "createTextNode");
    // Data is only ever put into the page as text.
    String code = plugin.body().replaceAll("(?m)^\\s*//.*$", "");
    assertThat(code).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
        "new Function", "DOMParser");
  }

  private JsonNode read(WebSession browser, String path) throws Exception {
    HttpResponse<String> response = browser.get(path);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
    return json.readTree(response.body());
  }

  /** The cycle's row in the list, read page after page from the newest as the Cockpit page does. */
  private JsonNode cycleRow(WebSession auditor, long cycleId) throws Exception {
    for (int page = 1; ; page++) {
      JsonNode list = read(auditor, "/app/api/audit/cycles?page=" + page);
      for (JsonNode row : list.get("cycles")) {
        if (row.get("cycleId").asLong() == cycleId) {
          return row;
        }
      }
      if (!list.get("older").asBoolean()) {
        throw new AssertionError("no row for cycle " + cycleId + " on any of " + page + " pages");
      }
    }
  }

  private static JsonNode row(JsonNode rows, long cycleId) {
    for (JsonNode row : rows) {
      if (row.get("cycleId").asLong() == cycleId) {
        return row;
      }
    }
    throw new AssertionError("no row for cycle " + cycleId + " in " + rows);
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    return list;
  }

  private static List<String> texts(JsonNode array, String field) {
    return list(array).stream().map(node -> node.get(field).asText()).toList();
  }
}
