package org.coproduced.commissioning.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.coproduced.commissioning.support.WebSession;

/**
 * A council that wants free-standing tasks sets {@code coproduction.webapps.create-task-enabled}:
 * Tasklist then offers "Create task" and the people who work in Tasklist may create one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "coproduction.webapps.create-task-enabled=true",
    "spring.datasource.url=jdbc:h2:mem:create-task-enabled;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE",
    "camunda.bpm.job-execution.enabled=false",
    "coproduction.demo.mail-server-enabled=false"})
@ActiveProfiles("demo")
class CreateTaskEnabledTest {

  @LocalServerPort int port;
  @Autowired AuthorizationService authorizations;

  @Test
  void tasklistOffersCreateTaskAndItsUsersMayCreateOne() {
    assertThat(new WebSession(port).get("/camunda/app/tasklist/styles/user-styles.css").body())
        .contains(WebappsCustomisation.BANNER_RULE)
        .doesNotContain(WebappsCustomisation.CREATE_TASK_RULE);
    for (String group : new String[] {AccessGroups.COMMISSIONERS, AccessGroups.COORDINATORS, AccessGroups.EXPERTS}) {
      assertThat(authorizations.isUserAuthorized("probe", java.util.List.of(group), TaskPermissions.CREATE,
          Resources.TASK, "*")).as(group).isTrue();
    }
    assertThat(authorizations.isUserAuthorized("probe", java.util.List.of(AccessGroups.AUDITORS),
        TaskPermissions.CREATE, Resources.TASK, "*")).isFalse();
  }
}
