package org.coproduced.commissioning.involvement.invitation;

import static org.coproduced.commissioning.involvement.invitation.AccessArrangementVariables.*;

import java.time.LocalTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.involvement.invitation.InvitationFacts.Facts;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.stereotype.Component;

/**
 * Records what a coordinator arranged for an expert's session, in the application's table (the
 * words never stay in the engine), and whether it was done before the session started: the
 * auditors' count.
 */
@Component
public class AccessArrangementListener implements TaskListener {

  private final AccessNeedsRepository needs;
  private final InvitationFacts facts;

  public AccessArrangementListener(AccessNeedsRepository needs, InvitationFacts facts) {
    this.needs = needs;
    this.facts = facts;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    String arranged = form.takePrivateText(PRIVATE_ACCESS_ARRANGED, "What did you arrange?", TaskForm.LONG_TEXT);
    if (arranged == null) {
      throw new FormInputException("Please fill in \"What did you arrange?\".");
    }
    long invitationId = form.id(INVITATION_ID);
    Facts invitation = facts.find(invitationId).orElse(null);
    if (invitation == null) {
      // The cycle's records were deleted (retention) while the task waited: nothing is left to keep.
      return;
    }
    LocalTime startsAt = sessionStart(invitation.sessionTime());
    boolean beforeSession = ProcessClock.now().toInstant()
        .isBefore(invitation.sessionDate().atTime(startsAt).atZone(ZoneId.systemDefault()).toInstant());
    needs.recordArranged(invitationId, arranged, currentUser(task), beforeSession);
  }

  private static LocalTime sessionStart(String time) {
    try {
      return LocalTime.parse(time);
    } catch (RuntimeException unreadable) {
      return LocalTime.MIDNIGHT;
    }
  }

  private static String currentUser(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? task.getAssignee() : authentication.getUserId();
  }
}
