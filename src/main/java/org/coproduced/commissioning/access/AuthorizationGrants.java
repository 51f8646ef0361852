package org.coproduced.commissioning.access;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.springframework.stereotype.Component;

/**
 * Grants permissions to a group without duplicating authorizations. Start-up code calls it on
 * every start and on every node, so a grant only adds the permissions that are missing and
 * never takes away what an administrator added in Camunda Admin.
 */
@Component
public class AuthorizationGrants {

  private final AuthorizationService authorizations;

  public AuthorizationGrants(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  /** Makes sure the group holds these permissions on the resource ({@code "*"} for all of them). */
  public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    grant(groupId, resource, resourceId, permissions, false);
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission[] permissions,
      boolean retry) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(groupId)
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
    Authorization authorization = existing != null ? existing : newGrant(groupId, resource, resourceId);
    boolean changed = existing == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (!changed) {
      return;
    }
    try {
      authorizations.saveAuthorization(authorization);
    } catch (ProcessEngineException raced) {
      // Two nodes starting together both found no row; the database's unique key let one win.
      // Add the permissions to the winner's row instead.
      if (retry || existing != null) {
        throw raced;
      }
      grant(groupId, resource, resourceId, permissions, true);
    }
  }

  private Authorization newGrant(String groupId, Resource resource, String resourceId) {
    Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    return authorization;
  }
}
