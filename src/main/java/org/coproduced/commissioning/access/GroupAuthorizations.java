package org.coproduced.commissioning.access;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;
import static org.coproduced.commissioning.access.AccessGroups.ADMINISTRATORS;
import static org.coproduced.commissioning.access.AccessGroups.AUDITORS;
import static org.coproduced.commissioning.access.AccessGroups.COMMISSIONERS;
import static org.coproduced.commissioning.access.AccessGroups.COORDINATORS;
import static org.coproduced.commissioning.access.AccessGroups.EXPERTS;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the groups and grants each one only what its work needs. Runs at every start in every
 * profile (a real council needs the groups as much as the demo does) and only adds what is
 * missing. Tasks need no grants here: the engine gives each task's assignee and candidate groups
 * access to that task when it is created.
 */
@Component
public class GroupAuthorizations {

  /** Runs before other start-up listeners that add members to these groups. */
  public static final int ORDER = 0;

  static final String CYCLE = "commissioning-cycle";
  static final String INVOLVEMENT = "involvement-request";
  static final String FEEDBACK = "feedback-delivery";
  static final String ONBOARDING = "expert-onboarding";
  static final String ACCESS_NEEDS = "arrange-access-needs";
  static final String FEEDBACK_REPLY = "feedback-reply";
  static final List<String> PROCESSES = List.of(CYCLE, INVOLVEMENT, FEEDBACK);

  static final String TASKLIST = "tasklist";
  static final String COCKPIT = "cockpit";
  static final String ANY = "*";

  private final IdentityService identity;
  private final AuthorizationGrants grants;
  private final boolean createTaskEnabled;

  public GroupAuthorizations(IdentityService identity, AuthorizationGrants grants,
      @Value("${coproduction.webapps.create-task-enabled:false}") boolean createTaskEnabled) {
    this.identity = identity;
    this.grants = grants;
    this.createTaskEnabled = createTaskEnabled;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(ORDER)
  public void apply() {
    ensureGroup(COMMISSIONERS, "Commissioners", Groups.GROUP_TYPE_WORKFLOW);
    ensureGroup(COORDINATORS, "Involvement coordinators", Groups.GROUP_TYPE_WORKFLOW);
    ensureGroup(EXPERTS, "Experts by experience", Groups.GROUP_TYPE_WORKFLOW);
    ensureGroup(AUDITORS, "Auditors", Groups.GROUP_TYPE_WORKFLOW);
    // Same name as the one the starter gives it when it creates the first administrator.
    ensureGroup(ADMINISTRATORS, "camunda BPM Administrators", Groups.GROUP_TYPE_SYSTEM);

    grantAdministrators();
    grantCommissioners();
    grantProcessWorkers(COORDINATORS);
    grantCoordinators();
    grantProcessWorkers(EXPERTS);
    grantAuditors();
    if (createTaskEnabled) {
      grantFreeStandingTasks();
    }
  }

  /**
   * Tasklist's "Create task" makes a task outside any process; it is offered only when the council
   * asks for it (see {@code WebappsCustomisation}). Otherwise the engine refuses it to everyone
   * but administrators, so the REST API cannot do what the page does not offer.
   */
  private void grantFreeStandingTasks() {
    for (String group : List.of(COMMISSIONERS, COORDINATORS, EXPERTS)) {
      grants.grant(group, TASK, ANY, TaskPermissions.CREATE);
    }
  }

  private void grantAdministrators() {
    // Without an admin user in the configuration the starter grants nothing, so do it here.
    for (Resources resource : Resources.values()) {
      grants.grant(ADMINISTRATORS, resource, ANY, ALL);
    }
  }

  /** Commissioners start cycles; the called processes start inside a cycle, never by hand. */
  private void grantCommissioners() {
    grants.grant(COMMISSIONERS, APPLICATION, TASKLIST, ACCESS);
    grants.grant(COMMISSIONERS, PROCESS_DEFINITION, CYCLE,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grants.grant(COMMISSIONERS, PROCESS_DEFINITION, INVOLVEMENT, ProcessDefinitionPermissions.READ);
    grants.grant(COMMISSIONERS, PROCESS_DEFINITION, FEEDBACK, ProcessDefinitionPermissions.READ);
    grants.grant(COMMISSIONERS, PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
  }

  /** Reading the definitions lets Tasklist show which process a task belongs to. */
  private void grantProcessWorkers(String groupId) {
    grants.grant(groupId, APPLICATION, TASKLIST, ACCESS);
    for (String process : PROCESSES) {
      grants.grant(groupId, PROCESS_DEFINITION, process, ProcessDefinitionPermissions.READ);
    }
  }

  /** Coordinators keep the expert pool: they start {@code expert-onboarding} in Tasklist. */
  private void grantCoordinators() {
    grants.grant(COORDINATORS, PROCESS_DEFINITION, ONBOARDING,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    // Their tasks to arrange what an expert needs; the application starts these, never a person.
    grants.grant(COORDINATORS, PROCESS_DEFINITION, ACCESS_NEEDS, ProcessDefinitionPermissions.READ);
    // Their tasks to answer what an expert wrote back about their feedback; started the same way.
    grants.grant(COORDINATORS, PROCESS_DEFINITION, FEEDBACK_REPLY, ProcessDefinitionPermissions.READ);
    grants.grant(COORDINATORS, PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
  }

  /** Auditors read everything in Cockpit, runtime and history, and change nothing. */
  private void grantAuditors() {
    grants.grant(AUDITORS, APPLICATION, COCKPIT, ACCESS);
    grants.grant(AUDITORS, PROCESS_DEFINITION, ANY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_HISTORY);
    grants.grant(AUDITORS, PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
    grants.grant(AUDITORS, TASK, ANY, TaskPermissions.READ);
    grants.grant(AUDITORS, DEPLOYMENT, ANY, READ);
    grants.grant(AUDITORS, DECISION_DEFINITION, ANY, READ, READ_HISTORY);
    // Only consulted when the engine's historic instance permissions are switched on; harmless
    // otherwise, and it keeps auditors' history access the same if someone switches them on.
    grants.grant(AUDITORS, HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
    grants.grant(AUDITORS, HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
  }

  private void ensureGroup(String id, String name, String type) {
    if (groupExists(id)) {
      return;
    }
    Group group = identity.newGroup(id);
    group.setName(name);
    group.setType(type);
    try {
      identity.saveGroup(group);
    } catch (ProcessEngineException raced) {
      // Another node created it at the same moment: that is all we wanted.
      if (!groupExists(id)) {
        throw raced;
      }
    }
  }

  private boolean groupExists(String id) {
    return identity.createGroupQuery().groupId(id).count() > 0;
  }
}
