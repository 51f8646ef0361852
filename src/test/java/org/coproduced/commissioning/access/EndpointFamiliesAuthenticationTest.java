package org.coproduced.commissioning.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coproduced.commissioning.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Nobody reads or changes anything without signing in: every family of the engine REST API, the
 * webapps' own APIs, and every page and endpoint of the application under /app.
 */
@AccessTest
class EndpointFamiliesAuthenticationTest {

  /** One request per resource family of the engine REST API (GET lists, POST for actions). */
  static final List<String> REST_FAMILIES = List.of(
      "GET /authorization", "GET /batch", "POST /condition", "GET /decision-definition",
      "GET /decision-requirements-definition", "GET /deployment", "GET /event-subscription", "GET /execution",
      "GET /external-task", "POST /external-task/fetchAndLock", "GET /filter", "GET /group",
      "GET /history/activity-instance", "GET /history/batch", "GET /history/decision-instance",
      "GET /history/detail", "GET /history/external-task-log", "GET /history/identity-link-log",
      "GET /history/incident", "GET /history/job-log", "GET /history/process-instance", "GET /history/task",
      "GET /history/user-operation", "GET /history/variable-instance", "GET /history/cleanup/jobs",
      "GET /identity/groups?userId=admin", "GET /incident", "GET /job", "GET /job-definition", "POST /message",
      "GET /metrics/activity-instance/sum", "POST /migration/generate", "POST /modification/execute",
      "GET /process-definition", "GET /process-instance", "GET /schema/log", "POST /signal", "GET /task",
      "GET /telemetry/data", "GET /tenant", "GET /user", "GET /variable-instance", "GET /version",
      "GET /case-definition", "GET /case-instance", "GET /case-execution", "GET /engine/default/task",
      "GET /engine/default/process-instance");

  /** The webapps' APIs behind Cockpit, Tasklist and Admin. */
  static final List<String> WEBAPP_APIS = List.of(
      "GET /camunda/api/engine/engine/default/task", "GET /camunda/api/engine/engine/default/process-definition",
      "GET /camunda/api/engine/engine/default/history/process-instance",
      "GET /camunda/api/engine/engine/default/user", "POST /camunda/api/engine/engine/default/process-instance",
      "GET /camunda/api/cockpit/plugin/base/default/process-definition/statistics",
      "GET /camunda/api/tasklist/plugin/tasklistPlugins/default/nothing",
      "GET /camunda/api/admin/plugin/adminPlugins/default/nothing");

  @LocalServerPort int port;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  @Test
  void everyEngineRestFamilyRefusesAnonymousCalls() {
    List<String> open = new ArrayList<>();
    for (String call : REST_FAMILIES) {
      String[] parts = call.split(" ");
      HttpResponse<String> response = new WebSession(port).rest(parts[0], "/engine-rest" + parts[1], null, "{}");
      if (response.statusCode() != 401) {
        open.add(call + " -> " + response.statusCode());
      }
    }
    assertThat(open).isEmpty();
  }

  @Test
  void onlyTheListOfEngineNamesIsOpenAsCamundaDesignedIt() {
    HttpResponse<String> engines = new WebSession(port).rest("GET", "/engine-rest/engine", null, null);
    assertThat(engines.statusCode()).isEqualTo(200);
    assertThat(engines.body()).isEqualTo("[{\"name\":\"default\"}]");
  }

  @Test
  void webappApisRefuseAnonymousCalls() {
    List<String> open = new ArrayList<>();
    for (String call : WEBAPP_APIS) {
      String[] parts = call.split(" ");
      WebSession browser = new WebSession(port);
      browser.open("cockpit");
      HttpResponse<String> response = browser.send(parts[0], parts[1], "{}");
      if (response.statusCode() != 401 && response.statusCode() != 403) {
        open.add(call + " -> " + response.statusCode());
      }
    }
    assertThat(open).isEmpty();
  }

  @Test
  void everyApplicationPageAndEndpointNeedsASignedInPerson() {
    List<String> paths = applicationPaths();
    assertThat(paths).contains("/app/cycles/1/contributions", "/app/cycles/1/cancel", "/app/requests/1/proposal",
        "/app/my-feedback/1", "/app/api/audit/cycles", "/app/api/audit/cycles.csv");
    List<String> open = new ArrayList<>();
    for (String path : paths) {
      for (String method : List.of("GET", "POST")) {
        HttpResponse<String> response = new WebSession(port).rest(method, path, null, null);
        // 405: that method is not offered at this address at all.
        if (response.statusCode() != 401 && response.statusCode() != 405) {
          open.add(method + " " + path + " -> " + response.statusCode());
        }
      }
    }
    assertThat(open).isEmpty();
  }

  /**
   * Every address the application's controllers serve under /app, with 1 for each path variable.
   * Links that carry their own single-purpose {token} (answers from an email) are meant to work
   * without signing in, and are left out.
   */
  private List<String> applicationPaths() {
    List<String> paths = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
      Set<String> patterns = entry.getKey().getPatternValues();
      Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
      for (String pattern : patterns) {
        if (!pattern.startsWith("/app/") || pattern.contains("{token}") || pattern.endsWith("/**")) {
          continue;
        }
        if (!methods.isEmpty() && !methods.contains(RequestMethod.GET) && !methods.contains(RequestMethod.POST)) {
          continue;
        }
        paths.add(pattern.replaceAll("\\{[^}]+}", "1"));
      }
    }
    return paths;
  }
}
