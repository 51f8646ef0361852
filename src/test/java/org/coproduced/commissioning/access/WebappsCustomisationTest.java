package org.coproduced.commissioning.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the webapps load to fit a council: its name in each header, no banner for another product,
 * and no "Create task" (free-standing tasks) unless the council turns it on. The browser tests
 * show the same on screen (e2e/WebappsE2E).
 */
@AccessTest
class WebappsCustomisationTest {

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;

  @Test
  void everyWebappNamesTheCouncilInItsHeader() {
    WebSession session = new WebSession(port);
    for (String app : List.of("tasklist", "cockpit", "admin")) {
      HttpResponse<String> config = session.get("/camunda/app/" + app + "/scripts/config.js");
      assertThat(config.statusCode()).as(app).isEqualTo(200);
      assertThat(config.headers().firstValue("Content-Type")).get().asString().startsWith("text/javascript");
      assertThat(config.body()).as(app).startsWith("export default {")
          .contains("\"vendor\":\"Exampletown Council\"");
    }
  }

  @Test
  void cockpitStillLoadsTheAuditorsPlugins() {
    assertThat(new WebSession(port).get("/camunda/app/cockpit/scripts/config.js").body())
        .contains("\"customScripts\":[\"scripts/coproduction-audit/plugin.js\"]");
    assertThat(new WebSession(port).get("/camunda/app/cockpit/scripts/coproduction-audit/plugin.js").statusCode())
        .isEqualTo(200);
  }

  @Test
  void noWebappShowsTheBannerForAnotherProduct() {
    for (String app : List.of("tasklist", "cockpit", "admin")) {
      assertThat(new WebSession(port).get("/camunda/app/" + app + "/styles/user-styles.css").body()).as(app)
          .contains(WebappsCustomisation.BANNER_RULE);
    }
  }

  @Test
  void tasklistOffersNoCreateTaskByDefault() {
    assertThat(new WebSession(port).get("/camunda/app/tasklist/styles/user-styles.css").body())
        .contains(WebappsCustomisation.CREATE_TASK_RULE);
  }

  @Test
  void nobodyButAnAdministratorMayCreateAFreeStandingTaskByDefault() {
    for (String user : List.of("commissioner", "coordinator", "expert1", "auditor")) {
      List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
      identity.setAuthentication(user, groups);
      try {
        assertThatThrownBy(() -> {
          Task task = tasks.newTask();
          task.setName("A to-do of my own");
          tasks.saveTask(task);
        }).as(user).isInstanceOf(AuthorizationException.class);
      } finally {
        identity.clearAuthentication();
      }
    }
    assertThat(tasks.createTaskQuery().taskName("A to-do of my own").count()).isZero();
  }
}
