package org.coproduced.commissioning.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@code enable-expressions-in-stored-queries: false} does to Tasklist filters, on a small
 * engine of its own: the engine makes no exception for {@code ${currentUser()}}.
 */
class StoredQueryExpressionsTest {

  private static final String FORBIDDEN = "Expressions are forbidden in stored queries";

  private static ProcessEngineConfigurationImpl configuration;
  private static ProcessEngine engine;

  @BeforeAll
  static void startEngineWithoutExpressionsInStoredQueries() {
    configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setProcessEngineName("access-stored-queries")
        .setJdbcUrl("jdbc:h2:mem:access-stored-queries;DB_CLOSE_DELAY=-1")
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP)
        .setAuthorizationEnabled(true);
    configuration.setEnableExpressionsInStoredQueries(false);
    engine = configuration.buildProcessEngine();
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @Test
  void engineRefusesToStoreAFilterForTheCurrentUser() {
    FilterService filters = engine.getFilterService();
    Filter myTasks = filters.newTaskFilter("Mine")
        .setQuery(engine.getTaskService().createTaskQuery().taskAssigneeExpression("${currentUser()}"));

    assertThatThrownBy(() -> filters.saveFilter(myTasks))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining(FORBIDDEN);
  }

  @Test
  void filterStoredWhileAllowedFailsInTasklistOnceSwitchedOff() {
    FilterService filters = engine.getFilterService();
    configuration.setEnableExpressionsInStoredQueries(true);
    String filterId;
    try {
      filterId = filters.saveFilter(filters.newTaskFilter("Stored earlier").setOwner("expert1")
          .setQuery(engine.getTaskService().createTaskQuery().taskAssigneeExpression("${currentUser()}"))).getId();
    } finally {
      configuration.setEnableExpressionsInStoredQueries(false);
    }
    engine.getIdentityService().setAuthentication("expert1", List.of("experts"));
    try {
      // Tasklist's request for a filter's tasks ends in this call.
      assertThatThrownBy(() -> filters.listPage(filterId, 0, 10)).hasMessageContaining(FORBIDDEN);
    } finally {
      engine.getIdentityService().clearAuthentication();
      filters.deleteFilter(filterId);
    }
  }

  @Test
  void onlyTheFiltersWithoutCurrentUserAreCreated() {
    TasklistFilters tasklistFilters = new TasklistFilters(engine.getFilterService(), engine.getTaskService(),
        new AuthorizationGrants(engine.getAuthorizationService()), configuration);

    tasklistFilters.apply();

    assertThat(engine.getFilterService().createTaskFilterQuery().list()).extracting(Filter::getName)
        .containsExactlyInAnyOrder(TasklistFilters.COORDINATOR_QUEUE, TasklistFilters.WAITING_FOR_FEEDBACK);
  }
}
