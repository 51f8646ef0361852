package org.coproduced.commissioning.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.coproduced.commissioning.support.WebSession;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.support.CycleDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The webapps' defences, each tried: requests from other sites (CSRF), session cookies, the
 * query result limit, Java-serialized variables, and expressions in ad-hoc queries.
 */
@AccessTest
class WebHardeningTest {

  private static final String PROCESS = "access-test-hardening";
  /** Java serialization of an empty java.util.ArrayList. */
  private static final String SERIALIZED_LIST = "rO0ABXNyABNqYXZhLnV0aWwuQXJyYXlMaXN0eIHSHZnHYZ0DAAFJAARzaXpleHAAAAAAdwQAAAAAeA==";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired ProcessEngineConfigurationImpl configuration;
  @Autowired CycleRepository cycles;

  private String deploymentId;
  private String instanceId;

  @BeforeEach
  void oneRunningInstance() {
    deploymentId = repository.createDeployment()
        .addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
            .startEvent().userTask("Activity_Check").camundaCandidateGroups("coordinators").endEvent().done())
        .deploy().getId();
    instanceId = runtime.startProcessInstanceByKey(PROCESS).getId();
  }

  @AfterEach
  void removeTestProcess() {
    identity.clearAuthentication();
    repository.deleteDeployment(deploymentId, true);
  }

  @Test
  void webappChangeWithoutTheCsrfTokenIsRefused() {
    WebSession admin = new WebSession(port).signIn("cockpit", "admin");
    String path = "/camunda/api/engine/engine/default/process-instance/" + instanceId + "/variables/note";
    String body = "{\"value\": \"from another site\", \"type\": \"String\"}";

    HttpResponse<String> forged = admin.sendWithoutToken("PUT", path, body);

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
    assertThat(runtime.getVariable(instanceId, "note")).isNull();
    // The same change with the token goes through: the refusal was the missing token.
    WebSession again = new WebSession(port).signIn("cockpit", "admin");
    assertThat(again.send("PUT", path, body).statusCode()).isEqualTo(204);
    assertThat(runtime.getVariable(instanceId, "note")).isEqualTo("from another site");
  }

  @Test
  void stoppingACycleWithoutThePageTokenIsRefused() {
    long cycleId = Long.parseLong(new CycleDriver(engine).startCycle("Not to be stopped from elsewhere").getBusinessKey());
    WebSession commissioner = new WebSession(port).signIn("tasklist", "commissioner");

    HttpResponse<String> forged = commissioner.postForm("/app/cycles/" + cycleId + "/cancel",
        "reason", "A page on another site sent this.");
    HttpResponse<String> guessed = commissioner.postForm("/app/cycles/" + cycleId + "/cancel",
        "reason", "A page on another site sent this.", "token", "guessed");

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(guessed.statusCode()).isEqualTo(403);
    assertThat(cycles.findById(cycleId).orElseThrow().status()).isEqualTo("ACTIVE");
  }

  @Test
  void sessionCookieIsHttpOnlyAndSameSite() {
    WebSession browser = new WebSession(port);
    HttpResponse<String> page = browser.open("cockpit");

    List<String> cookies = page.headers().allValues("Set-Cookie");
    String session = cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
    assertThat(session).contains("HttpOnly").contains("SameSite=Lax");
    // The demo profile runs on plain http://localhost, so its cookies are not marked Secure.
    assertThat(session).doesNotContain("Secure");
    String csrf = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
    assertThat(csrf).contains("SameSite=Lax");
  }

  @Test
  void restQueriesAreLimitedToTwoThousandResults() {
    WebSession rest = new WebSession(port);
    HttpResponse<String> tooMany = rest.rest("GET", "/engine-rest/task?firstResult=0&maxResults=2001", "expert1:demo",
        null);
    HttpResponse<String> unpaged = rest.rest("GET", "/engine-rest/history/task", "expert1:demo", null);
    HttpResponse<String> paged = rest.rest("GET", "/engine-rest/task?firstResult=0&maxResults=2000", "expert1:demo",
        null);

    assertThat(configuration.getQueryMaxResultsLimit()).isEqualTo(2000);
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.body()).contains("Max results limit of 2000 exceeded");
    assertThat(unpaged.statusCode()).isEqualTo(400);
    assertThat(paged.statusCode()).isEqualTo(200);
  }

  @Test
  void javaSerializedVariablesAreRefused() {
    assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
    assertThatThrownBy(() -> runtime.setVariable(instanceId, "list", Variables.serializedObjectValue(SERIALIZED_LIST)
        .serializationDataFormat(Variables.SerializationDataFormats.JAVA).objectTypeName("java.util.ArrayList").create()))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Java serialization format is prohibited");

    HttpResponse<String> rest = new WebSession(port).rest("PUT", "/engine-rest/process-instance/" + instanceId
        + "/variables/list", "admin:demo", "{\"value\": \"" + SERIALIZED_LIST + "\", \"type\": \"Object\","
        + " \"valueInfo\": {\"objectTypeName\": \"java.util.ArrayList\","
        + " \"serializationDataFormat\": \"application/x-java-serialized-object\"}}");
    assertThat(rest.statusCode()).isBetween(400, 599).isNotEqualTo(401).isNotEqualTo(403);
    assertThat(rest.body()).contains("Java serialization format is prohibited");
    assertThat(runtime.getVariable(instanceId, "list")).isNull();
  }

  @Test
  void expressionsInAdHocQueriesAreRefused() {
    assertThat(configuration.isEnableExpressionsInAdhocQueries()).isFalse();
    identity.setAuthentication("expert1", List.of("experts"));
    assertThatThrownBy(() -> tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").listPage(0, 10))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("Expressions are forbidden in adhoc queries");
    identity.clearAuthentication();

    HttpResponse<String> rest = new WebSession(port).rest("GET",
        "/engine-rest/task?firstResult=0&maxResults=10&assigneeExpression=%24%7BcurrentUser()%7D", "expert1:demo", null);
    assertThat(rest.statusCode()).isEqualTo(400);
    assertThat(rest.body()).contains("Expressions are forbidden in adhoc queries");
  }
}
