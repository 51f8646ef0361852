package org.coproduced.commissioning.access;

import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's own task authorizations, except that a task's previous assignee loses access when
 * it is handed to someone else or handed back. The engine keeps the old assignee's access, so an
 * expert whose invitation a coordinator took over would still see and could still complete it.
 * Someone who is also the task's owner or one of its candidate users keeps access.
 */
public class ReassignmentAuthorizationProvider extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
    if (oldAssignee != null && !oldAssignee.equals(newAssignee) && !keepsAccess(task, oldAssignee)) {
      revoke(task, oldAssignee);
    }
    return super.newTaskAssignee(task, oldAssignee, newAssignee);
  }

  private boolean keepsAccess(Task task, String userId) {
    if (userId.equals(task.getOwner())) {
      return true;
    }
    if (task instanceof TaskEntity entity) {
      for (IdentityLinkEntity link : entity.getIdentityLinks()) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && userId.equals(link.getUserId())) {
          return true;
        }
      }
    }
    return false;
  }

  private void revoke(Task task, String userId) {
    AuthorizationEntity authorization = getGrantAuthorizationByUserId(userId, Resources.TASK, task.getId());
    if (authorization == null) {
      return;
    }
    // The person reassigning (a coordinator in Tasklist) may not delete authorizations
    // themselves; removing this grant is the engine's housekeeping, not their action.
    CommandContext commandContext = Context.getCommandContext();
    commandContext.runWithoutAuthorization(() -> {
      commandContext.getAuthorizationManager().delete(authorization);
      return null;
    });
  }
}
