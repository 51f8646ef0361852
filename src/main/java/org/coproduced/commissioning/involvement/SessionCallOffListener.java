package org.coproduced.commissioning.involvement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstancesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.coproduced.commissioning.involvement.CycleOutlines.CycleOutline;
import org.coproduced.commissioning.involvement.invitation.SessionCallOff;

/**
 * When an involvement request ends before its session was held (its cycle was stopped, or an
 * administrator deleted the cycle), the session is called off: bookings released, everyone
 * invited told why. The reason is the commissioner's, given when stopping the cycle, or the
 * administrator's, given when deleting it. Installed by {@link SessionCallOffPlugin} as a built-in
 * listener, so it runs for every version of the model and even when listeners are skipped.
 */
public class SessionCallOffListener implements ExecutionListener {

  private final SessionCallOff callOff;
  private final CycleOutlines cycles;

  public SessionCallOffListener(SessionCallOff callOff, CycleOutlines cycles) {
    this.callOff = callOff;
    this.cycles = cycles;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Object requestId = execution.getVariable(InvolvementVariables.REQUEST_ID);
    if (!(requestId instanceof Number id) || !endedEarly(execution)) {
      return; // no request described yet, so nobody was asked; or the session was held
    }
    String reason = deletionReason(execution);
    if (reason == null && execution.getVariable(InvolvementVariables.CYCLE_ID) instanceof Number cycleId) {
      reason = cycles.outline(cycleId.longValue()).map(CycleOutline::cancellationReason).orElse(null);
    }
    callOff.callOff(id.longValue(), reason);
  }

  private static boolean endedEarly(DelegateExecution execution) {
    return execution instanceof ExecutionEntity entity && (entity.isCanceled() || entity.getDeleteReason() != null);
  }

  /** What an administrator typed when deleting the cycle (or this request), if that is how it ends. */
  private static String deletionReason(DelegateExecution execution) {
    CommandInvocationContext invocation = Context.getCommandInvocationContext();
    boolean deletion = invocation != null && (invocation.getCommand() instanceof DeleteProcessInstanceCmd
        || invocation.getCommand() instanceof DeleteProcessInstancesCmd);
    return deletion && execution instanceof ExecutionEntity entity ? entity.getDeleteReason() : null;
  }
}
