package org.coproduced.commissioning.involvement;

import static org.coproduced.commissioning.involvement.InvolvementVariables.*;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/**
 * Records whether an expert came and what they said, in their own words. The words are saved in
 * the application's tables only; the engine keeps the contribution ids.
 */
@Component
public class ContributionRecordListener implements TaskListener {

  private final InvitationRepository invitations;
  private final InvolvementRequestRepository requests;
  private final ContributionRepository contributions;

  public ContributionRecordListener(InvitationRepository invitations, InvolvementRequestRepository requests,
      ContributionRepository contributions) {
    this.invitations = invitations;
    this.requests = requests;
    this.contributions = contributions;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    String first = form.takePrivateText(PRIVATE_CONTRIBUTION_1, "What they said", TaskForm.LONG_TEXT);
    String second = form.takePrivateText(PRIVATE_CONTRIBUTION_2, "Another point they made", TaskForm.LONG_TEXT);
    String third = form.takePrivateText(PRIVATE_CONTRIBUTION_3, "Another point they made", TaskForm.LONG_TEXT);
    boolean attended = "yes".equals(form.requiredChoice(ATTENDED, "Did they take part", "yes", "no"));
    int hours = form.requiredWholeNumber(HOURS_GIVEN, "Hours given", 0, 12);
    BigDecimal expenses = form.optionalAmount(EXPENSES_CLAIMED, "Expenses to repay", BigDecimal.ZERO,
        BigDecimal.valueOf(500));
    String expensesNote = form.optionalText(EXPENSES_NOTE, "What the expenses were for", TaskForm.SHORT_TEXT);
    if (attended && first == null) {
      throw new FormInputException("Please write down what they said, in their own words. "
          + "It is how we make sure they hear back about it.");
    }
    if (!attended && (first != null || second != null || third != null)) {
      throw new FormInputException("You said they did not take part, but wrote what they said. "
          + "Please choose \"Yes\" if they took part.");
    }
    Invitation invitation = invitations.get(form.id(INVITATION_ID));
    invitations.recordAttendance(invitation.id(), attended, attended ? hours : 0, expenses, expensesNote);
    if (!attended) {
      return;
    }
    InvolvementRequest request = requests.get(invitation.requestId());
    for (String said : new String[] {first, second, third}) {
      if (said != null) {
        contributions.insert(request.id(), request.cycleId(), invitation.expertId(), request.stage(), said);
      }
    }
  }
}
