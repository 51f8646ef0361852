package org.coproduced.commissioning.access;

import static org.coproduced.commissioning.access.AccessGroups.AUDITORS;
import static org.coproduced.commissioning.access.AccessGroups.COMMISSIONERS;
import static org.coproduced.commissioning.access.AccessGroups.COORDINATORS;
import static org.coproduced.commissioning.access.AccessGroups.EXPERTS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters each group starts from, created once by name and readable only by the
 * groups whose work they show. An administrator may change a filter in Tasklist; it is not
 * overwritten, and a deleted filter comes back at the next start.
 *
 * <p>"My tasks" and "Commissioning tasks" need {@code ${currentUser()}}. The engine refuses
 * every expression in a stored query while {@code enable-expressions-in-stored-queries} is false,
 * {@code currentUser()} included, so those two are then left out with a warning.
 */
@Component
public class TasklistFilters {

  public static final String MY_TASKS = "My tasks";
  public static final String COORDINATOR_QUEUE = "Coordinator queue";
  public static final String COMMISSIONING_TASKS = "Commissioning tasks";
  public static final String WAITING_FOR_FEEDBACK = "Waiting for feedback";

  /** Task variables Tasklist's list shows beside each task's name (set by {@code tasknotice.TaskNames}). */
  public static final String CYCLE_COLUMN = "tasklistCycle";
  public static final String STAGE_COLUMN = "tasklistStage";
  public static final String ABOUT_COLUMN = "tasklistAbout";
  public static final String SESSION_COLUMN = "tasklistSession";

  /** The columns, in Tasklist's order: references, titles and dates only, never a person's name. */
  static final List<Map<String, String>> COLUMNS = List.of(column(CYCLE_COLUMN, "Cycle"), column(STAGE_COLUMN, "Stage"),
      column(ABOUT_COLUMN, "About"), column(SESSION_COLUMN, "Session"));

  static final String CURRENT_USER = "${currentUser()}";

  private static final Logger LOG = LoggerFactory.getLogger(TasklistFilters.class);

  private record Definition(String name, String description, boolean usesCurrentUser,
      TaskQuery query, List<String> readers) {}

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationGrants grants;
  private final boolean expressionsInStoredQueries;

  public TasklistFilters(FilterService filters, TaskService tasks, AuthorizationGrants grants,
      ProcessEngineConfigurationImpl engineConfiguration) {
    this.filters = filters;
    this.tasks = tasks;
    this.grants = grants;
    this.expressionsInStoredQueries = engineConfiguration.isEnableExpressionsInStoredQueries();
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(GroupAuthorizations.ORDER + 1)
  public void apply() {
    List<Definition> definitions = definitions();
    for (int i = 0; i < definitions.size(); i++) {
      Definition definition = definitions.get(i);
      if (definition.usesCurrentUser() && !expressionsInStoredQueries) {
        LOG.warn("Tasklist filter '{}' not created: it needs {} and the engine refuses expressions in "
            + "stored queries while enable-expressions-in-stored-queries is false", definition.name(), CURRENT_USER);
        continue;
      }
      Filter filter = findOrCreate(definition, i);
      for (String group : definition.readers()) {
        grants.grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
      }
    }
  }

  private List<Definition> definitions() {
    return List.of(
        new Definition(MY_TASKS, "Tasks assigned to you", true,
            tasks.createTaskQuery().taskAssigneeExpression(CURRENT_USER),
            List.of(COMMISSIONERS, COORDINATORS, EXPERTS, AUDITORS)),
        new Definition(COORDINATOR_QUEUE, "Everything coordinators look after, claimed or not", false,
            tasks.createTaskQuery().taskCandidateGroup(COORDINATORS).includeAssignedTasks(),
            List.of(COORDINATORS)),
        // Commissioners' tasks are assigned to the commissioner who started the cycle; the
        // candidate group part keeps working if a model ever offers a task to all commissioners.
        new Definition(COMMISSIONING_TASKS, "Your commissioning tasks and any open to all commissioners", true,
            tasks.createTaskQuery().or()
                .taskCandidateGroup(COMMISSIONERS)
                .taskAssigneeExpression(CURRENT_USER)
                .endOr(),
            List.of(COMMISSIONERS)),
        new Definition(WAITING_FOR_FEEDBACK, "People who have not yet had or answered their feedback or invitation", false,
            tasks.createTaskQuery().taskDefinitionKeyIn(
                "Activity_DeliverFeedbackOffline", "Activity_FollowUpFeedback", "Activity_FollowUpInvitation"),
            List.of(COORDINATORS)));
  }

  private Filter findOrCreate(Definition definition, int position) {
    // An administrator may have copied a filter under the same name: any one of them will do.
    List<Filter> existing = filters.createTaskFilterQuery().filterName(definition.name()).list();
    if (!existing.isEmpty()) {
      return withColumns(existing.get(0));
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", definition.description());
    // Tasklist lists filters by ascending priority.
    properties.put("priority", position * 10);
    properties.put("variables", COLUMNS);
    Filter filter = filters.newTaskFilter(definition.name())
        .setQuery(definition.query())
        .setProperties(properties);
    return filters.saveFilter(filter);
  }

  /**
   * Gives a filter made before the columns existed its columns. A filter whose columns an
   * administrator chose (even none, as an empty list) is left as it is.
   */
  private Filter withColumns(Filter filter) {
    Map<String, Object> properties = filter.getProperties() == null ? new LinkedHashMap<>()
        : new LinkedHashMap<>(filter.getProperties());
    if (properties.containsKey("variables")) {
      return filter;
    }
    properties.put("variables", COLUMNS);
    return filters.saveFilter(filter.setProperties(properties));
  }

  private static Map<String, String> column(String variable, String label) {
    return Map.of("name", variable, "label", label);
  }
}
