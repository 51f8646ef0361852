package org.coproduced.commissioning.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.coproduced.commissioning.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The engine REST API needs a user and password; the webapps keep working with their session. */
@AccessTest
class RestApiAuthenticationTest {

  /** The engine refuses unpaged lists for signed-in users (query-max-results-limit); Tasklist pages too. */
  private static final String PAGE = "?firstResult=0&maxResults=200";

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired AuthorizationService authorizations;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void anonymousRequestIsRefused() throws Exception {
    HttpResponse<String> response = get("/engine-rest/task", null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        challenge -> assertThat(challenge).startsWith("Basic"));
  }

  @Test
  void wrongPasswordIsRefused() throws Exception {
    // Not expert1: after a failed attempt the engine makes that user wait before it checks again.
    assertThat(get("/engine-rest/task", "expert6:not-the-password").statusCode()).isEqualTo(401);
  }

  @Test
  void expertWithPasswordReadsTasks() throws Exception {
    HttpResponse<String> response = get("/engine-rest/task" + PAGE, "expert1:demo");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(json.readTree(response.body()).isArray()).isTrue();
  }

  @Test
  void expertListsOnlyProcessDefinitionsTheyMayRead() throws Exception {
    String deploymentId = repository.createDeployment()
        .addModelInstance("access-test-readable.bpmn", process("access-test-readable"))
        .addModelInstance("access-test-hidden.bpmn", process("access-test-hidden"))
        .deploy().getId();
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId("expert1");
    grant.setResource(Resources.PROCESS_DEFINITION);
    grant.setResourceId("access-test-readable");
    grant.addPermission(ProcessDefinitionPermissions.READ);
    authorizations.saveAuthorization(grant);
    try {
      List<String> expertSees = definitionKeys("expert1:demo");
      List<String> adminSees = definitionKeys("admin:demo");

      assertThat(adminSees).contains("access-test-readable", "access-test-hidden");
      assertThat(expertSees).contains("access-test-readable").doesNotContain("access-test-hidden");
      // Whatever the application deploys, an expert reads only the three processes they work in.
      assertThat(expertSees).isSubsetOf(
          "access-test-readable", "commissioning-cycle", "involvement-request", "feedback-delivery");
    } finally {
      authorizations.deleteAuthorization(grant.getId());
      repository.deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void tasklistUsesItsSessionNotTheRestApi() throws Exception {
    WebSession browser = openWebapp("tasklist");
    assertThat(browser.trySignIn("tasklist", "expert1", "demo")).isEqualTo(200);

    HttpResponse<String> tasks = browser.get("/camunda/api/engine/engine/default/task" + PAGE);
    assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
    // The session does not open the REST API: that still wants a password.
    assertThat(browser.get("/engine-rest/task").statusCode()).isEqualTo(401);
  }

  @Test
  void eachRoleSignsInOnlyToItsOwnWebapp() throws Exception {
    // Each refusal is followed by a sign-in with the same session and token that succeeds, so
    // the refusal came from the application check and not from the CSRF filter.
    WebSession commissioner = openWebapp("cockpit");
    assertThat(commissioner.trySignIn("cockpit", "commissioner", "demo")).isEqualTo(403);
    assertThat(commissioner.trySignIn("tasklist", "commissioner", "demo")).isEqualTo(200);

    WebSession expert = openWebapp("cockpit");
    assertThat(expert.trySignIn("cockpit", "expert2", "demo")).isEqualTo(403);
    assertThat(expert.trySignIn("tasklist", "expert2", "demo")).isEqualTo(200);

    WebSession coordinator = openWebapp("admin");
    assertThat(coordinator.trySignIn("admin", "coordinator", "demo")).isEqualTo(403);
    assertThat(coordinator.trySignIn("tasklist", "coordinator", "demo")).isEqualTo(200);

    WebSession auditor = openWebapp("tasklist");
    assertThat(auditor.trySignIn("tasklist", "auditor", "demo")).isEqualTo(403);
    assertThat(auditor.trySignIn("cockpit", "auditor", "demo")).isEqualTo(200);
    HttpResponse<String> definitions = auditor.get("/camunda/api/engine/engine/default/process-definition" + PAGE);
    assertThat(definitions.statusCode()).as(definitions.body()).isEqualTo(200);
  }

  private WebSession openWebapp(String app) throws Exception {
    return WebSession.open(port, app);
  }

  private List<String> definitionKeys(String credentials) throws Exception {
    HttpResponse<String> response = get("/engine-rest/process-definition" + PAGE, credentials);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> keys = new ArrayList<>();
    for (JsonNode definition : json.readTree(response.body())) {
      keys.add(definition.get("key").asText());
    }
    return keys;
  }

  private HttpResponse<String> get(String path, String credentials) throws Exception {
    HttpRequest.Builder builder = request(path).GET();
    if (credentials != null) {
      builder.header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    URI uri = URI.create("http://localhost:" + port + path);
    // The webapps' CSRF filter wants modifying requests to come from their own origin.
    return HttpRequest.newBuilder(uri).header("Referer", uri.resolve("/camunda/app/tasklist/").toString());
  }

  private static BpmnModelInstance process(String key) {
    return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
        .startEvent().userTask().endEvent().done();
  }
}
