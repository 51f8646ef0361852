package org.coproduced.commissioning.feedback;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstancesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * The last line of the promise to experts: a commissioning cycle or a feedback delivery cannot
 * end while anyone who contributed is still waiting for their feedback — however the end comes
 * about (the normal path, cancellation, process modification, deletion). Installed as a built-in
 * listener by {@link FeedbackEndGuardPlugin}, so "skip custom listeners" does not bypass it.
 *
 * <p>The one exception is an administrator deleting the instance with a written reason; the
 * engine's user operation log records who did it and why.
 */
public class FeedbackEndGuard implements ExecutionListener {

  static final String ADMINISTRATORS = "camunda-admin";

  private final FeedbackRepository feedback;

  public FeedbackEndGuard(FeedbackRepository feedback) {
    this.feedback = feedback;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Object cycleId = execution.getVariable(FeedbackVariables.CYCLE_ID);
    if (!(cycleId instanceof Number id)) {
      return; // ended before the cycle was registered: nobody has contributed
    }
    List<String> waiting = feedback.waitingRefs(id.longValue());
    if (waiting.isEmpty() || isAdministratorDeletionWithReason(execution)) {
      return;
    }
    throw new ProcessEngineException("Cycle " + id + " cannot end while " + waiting.size()
        + " people are still waiting for their feedback (" + String.join(", ", waiting) + "). "
        + "Deliver their feedback first. Only an administrator can delete a cycle, and must give a reason.");
  }

  private static boolean isAdministratorDeletionWithReason(DelegateExecution execution) {
    CommandInvocationContext invocation = Context.getCommandInvocationContext();
    boolean deletion = invocation != null && (invocation.getCommand() instanceof DeleteProcessInstanceCmd
        || invocation.getCommand() instanceof DeleteProcessInstancesCmd);
    CommandContext context = Context.getCommandContext();
    Authentication user = context == null ? null : context.getAuthentication();
    boolean administrator = user != null && user.getGroupIds() != null && user.getGroupIds().contains(ADMINISTRATORS);
    String reason = execution instanceof ExecutionEntity entity ? entity.getDeleteReason() : null;
    return deletion && administrator && reason != null && !reason.isBlank();
  }
}
