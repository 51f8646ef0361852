package org.coproduced.commissioning.access;

import static org.assertj.core.api.Assertions.assertThat;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.OptimizePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.SystemPermissions;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each group holds what its work needs and nothing more. The checks use a user id that has no
 * grants of its own, so only the group's authorizations (and any global ones) count.
 */
@AccessTest
class GroupAuthorizationsTest {

  private static final String NOBODY = "access-test-probe";
  private static final String CYCLE = "commissioning-cycle";
  private static final String INVOLVEMENT = "involvement-request";
  private static final String FEEDBACK = "feedback-delivery";
  private static final String ONBOARDING = "expert-onboarding";

  @Autowired AuthorizationService authorizations;
  @Autowired IdentityService identity;
  @Autowired GroupAuthorizations groupAuthorizations;

  @Test
  void groupsExistWithTheirTypes() {
    assertThat(groupType(COMMISSIONERS)).isEqualTo(Groups.GROUP_TYPE_WORKFLOW);
    assertThat(groupType(COORDINATORS)).isEqualTo(Groups.GROUP_TYPE_WORKFLOW);
    assertThat(groupType(EXPERTS)).isEqualTo(Groups.GROUP_TYPE_WORKFLOW);
    assertThat(groupType(AUDITORS)).isEqualTo(Groups.GROUP_TYPE_WORKFLOW);
    assertThat(groupType(ADMINISTRATORS)).isEqualTo(Groups.GROUP_TYPE_SYSTEM);
  }

  @Test
  void commissionersStartCyclesInTasklistButNotTheCalledProcesses() {
    assertThat(may(COMMISSIONERS, Permissions.ACCESS, APPLICATION, "tasklist")).isTrue();
    assertThat(may(COMMISSIONERS, Permissions.ACCESS, APPLICATION, "cockpit")).isFalse();
    assertThat(may(COMMISSIONERS, ProcessDefinitionPermissions.READ, PROCESS_DEFINITION, CYCLE)).isTrue();
    assertThat(may(COMMISSIONERS, ProcessDefinitionPermissions.CREATE_INSTANCE, PROCESS_DEFINITION, CYCLE)).isTrue();
    assertThat(may(COMMISSIONERS, ProcessInstancePermissions.CREATE, PROCESS_INSTANCE, "*")).isTrue();
    for (String called : List.of(INVOLVEMENT, FEEDBACK)) {
      assertThat(may(COMMISSIONERS, ProcessDefinitionPermissions.READ, PROCESS_DEFINITION, called)).isTrue();
      assertThat(may(COMMISSIONERS, ProcessDefinitionPermissions.CREATE_INSTANCE, PROCESS_DEFINITION, called))
          .isFalse();
    }
    assertThat(may(COMMISSIONERS, ProcessDefinitionPermissions.READ, PROCESS_DEFINITION, "some-other-process"))
        .isFalse();
    assertThat(may(COMMISSIONERS, ProcessDefinitionPermissions.READ_HISTORY, PROCESS_DEFINITION, CYCLE)).isFalse();
    assertThat(may(COMMISSIONERS, TaskPermissions.READ, TASK, "*")).isFalse();
  }

  @Test
  void coordinatorsAndExpertsReadTheThreeProcessesInTasklistAndStartNoneOfThem() {
    for (String group : List.of(COORDINATORS, EXPERTS)) {
      assertThat(may(group, Permissions.ACCESS, APPLICATION, "tasklist")).isTrue();
      assertThat(may(group, Permissions.ACCESS, APPLICATION, "cockpit")).isFalse();
      for (String process : List.of(CYCLE, INVOLVEMENT, FEEDBACK)) {
        assertThat(may(group, ProcessDefinitionPermissions.READ, PROCESS_DEFINITION, process)).isTrue();
        assertThat(may(group, ProcessDefinitionPermissions.CREATE_INSTANCE, PROCESS_DEFINITION, process)).isFalse();
        assertThat(may(group, ProcessDefinitionPermissions.READ_TASK, PROCESS_DEFINITION, process)).isFalse();
      }
      assertThat(may(group, TaskPermissions.READ, TASK, "*")).isFalse();
    }
  }

  @Test
  void onlyCoordinatorsStartTheExpertPoolProcess() {
    assertThat(may(COORDINATORS, ProcessDefinitionPermissions.READ, PROCESS_DEFINITION, ONBOARDING)).isTrue();
    assertThat(may(COORDINATORS, ProcessDefinitionPermissions.CREATE_INSTANCE, PROCESS_DEFINITION, ONBOARDING))
        .isTrue();
    assertThat(may(COORDINATORS, ProcessInstancePermissions.CREATE, PROCESS_INSTANCE, "*")).isTrue();
    for (String group : List.of(EXPERTS, COMMISSIONERS)) {
      assertThat(may(group, ProcessDefinitionPermissions.READ, PROCESS_DEFINITION, ONBOARDING)).isFalse();
      assertThat(may(group, ProcessDefinitionPermissions.CREATE_INSTANCE, PROCESS_DEFINITION, ONBOARDING)).isFalse();
    }
    assertThat(may(EXPERTS, ProcessInstancePermissions.CREATE, PROCESS_INSTANCE, "*")).isFalse();
  }

  @Test
  void auditorsReadRuntimeAndHistoryInCockpit() {
    assertThat(may(AUDITORS, Permissions.ACCESS, APPLICATION, "cockpit")).isTrue();
    assertThat(may(AUDITORS, Permissions.ACCESS, APPLICATION, "tasklist")).isFalse();
    assertThat(may(AUDITORS, Permissions.ACCESS, APPLICATION, "admin")).isFalse();
    assertThat(may(AUDITORS, ProcessDefinitionPermissions.READ, PROCESS_DEFINITION, CYCLE)).isTrue();
    assertThat(may(AUDITORS, ProcessDefinitionPermissions.READ_HISTORY, PROCESS_DEFINITION, CYCLE)).isTrue();
    assertThat(may(AUDITORS, ProcessInstancePermissions.READ, PROCESS_INSTANCE, "any-instance")).isTrue();
    assertThat(may(AUDITORS, TaskPermissions.READ, TASK, "any-task")).isTrue();
    assertThat(may(AUDITORS, Permissions.READ, DEPLOYMENT, "any-deployment")).isTrue();
    assertThat(may(AUDITORS, Permissions.READ, DECISION_DEFINITION, "any-decision")).isTrue();
    assertThat(may(AUDITORS, Permissions.READ_HISTORY, DECISION_DEFINITION, "any-decision")).isTrue();
    assertThat(may(AUDITORS, HistoricTaskPermissions.READ, HISTORIC_TASK, "any-task")).isTrue();
    assertThat(may(AUDITORS, HistoricProcessInstancePermissions.READ, HISTORIC_PROCESS_INSTANCE, "any")).isTrue();
  }

  @Test
  void auditorsChangeNothingAnywhere() {
    List<String> writes = new ArrayList<>();
    for (Permission permission : allPermissions()) {
      if (isReadOnly(permission)) {
        continue;
      }
      for (Resource resource : permission.getTypes()) {
        for (String resourceId : List.of("*", CYCLE, "any-id")) {
          if (may(AUDITORS, permission, resource, resourceId)) {
            writes.add(permission.getName() + " on " + resource.resourceName() + " " + resourceId);
          }
        }
      }
    }
    assertThat(writes).isEmpty();
  }

  @Test
  void administratorsMayDoEverything() {
    for (Resources resource : Resources.values()) {
      assertThat(may(ADMINISTRATORS, Permissions.ALL, resource, "*")).as(resource.resourceName()).isTrue();
    }
  }

  @Test
  void applyingAgainAddsNothing() {
    Map<String, Integer> before = grantsByGroup();

    groupAuthorizations.apply();

    assertThat(grantsByGroup()).isEqualTo(before);
    assertThat(identity.createGroupQuery().groupIdIn(COMMISSIONERS, COORDINATORS, EXPERTS, AUDITORS, ADMINISTRATORS)
        .count()).isEqualTo(5);
  }

  private Map<String, Integer> grantsByGroup() {
    Map<String, Integer> permissionsByRow = new TreeMap<>();
    for (Authorization row : authorizations.createAuthorizationQuery()
        .groupIdIn(COMMISSIONERS, COORDINATORS, EXPERTS, AUDITORS, ADMINISTRATORS).list()) {
      String key = row.getGroupId() + " " + row.getResourceType() + " " + row.getResourceId();
      assertThat(permissionsByRow).as("one row per group and resource").doesNotContainKey(key);
      permissionsByRow.put(key, ((AuthorizationEntity) row).getPermissions());
    }
    return permissionsByRow;
  }

  private boolean may(String group, Permission permission, Resource resource, String resourceId) {
    if (resource == HISTORIC_TASK || resource == HISTORIC_PROCESS_INSTANCE) {
      // The engine refuses to check these while historic instance permissions are off (the
      // default), so read the group's rows instead.
      return authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource).list().stream()
          .filter(row -> row.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT)
          .filter(row -> row.getResourceId().equals("*") || row.getResourceId().equals(resourceId))
          .anyMatch(row -> row.isPermissionGranted(permission));
    }
    return authorizations.isUserAuthorized(NOBODY, List.of(group), permission, resource, resourceId);
  }

  private String groupType(String id) {
    Group group = identity.createGroupQuery().groupId(id).singleResult();
    assertThat(group).as(id).isNotNull();
    return group.getType();
  }

  private static boolean isReadOnly(Permission permission) {
    String name = permission.getName().toUpperCase(Locale.ROOT);
    return name.equals("NONE") || name.equals("ACCESS") || name.startsWith("READ");
  }

  private static List<Permission> allPermissions() {
    List<Permission> all = new ArrayList<>();
    all.addAll(List.of(Permissions.values()));
    all.addAll(List.of(ProcessDefinitionPermissions.values()));
    all.addAll(List.of(ProcessInstancePermissions.values()));
    all.addAll(List.of(TaskPermissions.values()));
    all.addAll(List.of(HistoricTaskPermissions.values()));
    all.addAll(List.of(HistoricProcessInstancePermissions.values()));
    all.addAll(List.of(BatchPermissions.values()));
    all.addAll(List.of(UserOperationLogCategoryPermissions.values()));
    all.addAll(List.of(SystemPermissions.values()));
    all.addAll(List.of(OptimizePermissions.values()));
    return all;
  }
}
