package org.coproduced.commissioning.involvement.aftercare;

import static org.coproduced.commissioning.involvement.aftercare.AftercareVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/**
 * Records how a coordinator's check-in with an expert went: done, or declined by the expert. The
 * notes go to the application's table only, private to coordinators. Once recorded, the expert
 * can be proposed for sessions again.
 */
@Component
public class CheckInListener implements TaskListener {

  private final CheckInRepository checkIns;

  public CheckInListener(CheckInRepository checkIns) {
    this.checkIns = checkIns;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    String notes = form.takePrivateText(CHECK_IN_NOTES, "Notes for coordinators", TaskForm.LONG_TEXT);
    String outcome = form.requiredChoice(CHECK_IN_OUTCOME, "How did the check-in go", "done", "declined");
    Authentication who = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    checkIns.close(form.id(INVITATION_ID), "done".equals(outcome) ? CheckInStatus.DONE : CheckInStatus.DECLINED,
        notes, who == null ? null : who.getUserId());
  }
}
