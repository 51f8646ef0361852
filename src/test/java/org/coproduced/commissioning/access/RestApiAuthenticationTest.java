package org.coproduced.commissioning.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
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
    HttpClient browser = browser();
    assertThat(signIn(browser, "tasklist", "expert1")).isEqualTo(200);

    HttpResponse<String> tasks = browser.send(request("/camunda/api/engine/engine/default/task" + PAGE).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
    // The session does not open the REST API: that still wants a password.
    HttpResponse<String> rest = browser.send(request("/engine-rest/task").GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(rest.statusCode()).isEqualTo(401);
  }

  @Test
  void eachRoleSignsInOnlyToItsOwnWebapp() throws Exception {
    assertThat(signIn(browser(), "tasklist", "commissioner")).isEqualTo(200);
    assertThat(signIn(browser(), "cockpit", "commissioner")).isEqualTo(403);
    assertThat(signIn(browser(), "cockpit", "expert2")).isEqualTo(403);
    assertThat(signIn(browser(), "admin", "coordinator")).isEqualTo(403);
    assertThat(signIn(browser(), "tasklist", "auditor")).isEqualTo(403);

    HttpClient auditor = browser();
    assertThat(signIn(auditor, "cockpit", "auditor")).isEqualTo(200);
    HttpResponse<String> definitions = auditor.send(
        request("/camunda/api/engine/engine/default/process-definition" + PAGE).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(definitions.statusCode()).as(definitions.body()).isEqualTo(200);
  }

  private static HttpClient browser() {
    return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  }

  /** Signs in to a webapp as the browser does; returns the status of the sign-in request. */
  private int signIn(HttpClient browser, String app, String userId) throws Exception {
    // Opening the webapp starts a session and hands out the token every form post must echo.
    HttpResponse<String> page = browser.send(request("/camunda/app/" + app + "/default/").GET().build(),
        HttpResponse.BodyHandlers.ofString());
    String csrfToken = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    HttpResponse<String> login = browser.send(request("/camunda/api/admin/auth/user/default/login/" + app)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-XSRF-TOKEN", csrfToken)
            .POST(HttpRequest.BodyPublishers.ofString(form("username", userId, "password", "demo")))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    // A refusal by the CSRF filter says so in this header; only the application check counts here.
    assertThat(login.headers().firstValue("X-XSRF-TOKEN")).as("CSRF refusal").isNotEqualTo(Optional.of("Required"));
    return login.statusCode();
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

  private static String form(String... pairs) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      body.append(i == 0 ? "" : "&").append(pairs[i]).append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return body.toString();
  }

  private static BpmnModelInstance process(String key) {
    return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
        .startEvent().userTask().endEvent().done();
  }
}
