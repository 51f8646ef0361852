package org.coproduced.commissioning.involvement.contribution;

import org.coproduced.commissioning.involvement.InvolvementRequest;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.invitation.Invitation;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import static org.coproduced.commissioning.involvement.InvolvementVariables.*;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/**
 * Records whether an expert came and what they said, in their own words, with the hours they gave
 * and the expenses the coordinator approves. The words are saved in the application's tables only;
 * the engine keeps the contribution ids.
 */
@Component
public class ContributionRecordListener implements TaskListener {

  static final BigDecimal MAX_EXPENSE = BigDecimal.valueOf(500);

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
    String expensesNote = form.takePrivateText(PRIVATE_EXPENSES_NOTE, "What the expenses were for", TaskForm.SHORT_TEXT);
    boolean attended = "yes".equals(form.requiredChoice(ATTENDED, "Did they take part", "yes", "no"));
    int hours = form.requiredWholeNumber(HOURS_GIVEN, "Hours at the session", 0, 12);
    Integer preparation = form.optionalWholeNumber(PREPARATION_HOURS, "Hours preparing", 0, 20);
    InvitationRepository.Expenses expenses = new InvitationRepository.Expenses(
        expense(form, EXPENSES_TRAVEL, "Travel"),
        expense(form, EXPENSES_CHILDCARE, "Childcare or care for someone else"),
        expense(form, EXPENSES_SUBSISTENCE, "Food and drink"));
    if (attended && first == null) {
      throw new FormInputException("Please write down what they said, in their own words. "
          + "It is how we make sure they hear back about it.");
    }
    if (!attended && (first != null || second != null || third != null)) {
      throw new FormInputException("You said they did not take part, but wrote what they said. "
          + "Please choose \"Yes\" if they took part.");
    }
    if (expenses.total().signum() > 0 && !form.isTicked(EXPENSES_APPROVED)) {
      throw new FormInputException("Please check the expenses and tick \"I approve these expenses\", "
          + "or leave the amounts empty.");
    }
    String approvedBy = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null
        ? null : task.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
    Invitation invitation = invitations.get(form.id(INVITATION_ID));
    // Someone who could not come may still have spent money getting there: expenses are repaid either way.
    invitations.recordAttendance(invitation.id(), attended, attended ? hours : 0,
        attended && preparation != null ? preparation : 0, expenses, expensesNote, approvedBy);
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

  private static BigDecimal expense(TaskForm form, String key, String label) {
    BigDecimal amount = form.optionalAmount(key, label, BigDecimal.ZERO, MAX_EXPENSE);
    if (amount == null) {
      return BigDecimal.ZERO.setScale(2);
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      throw new FormInputException("\"" + label + "\" must be in pounds and pence, like 12.50.");
    }
    return amount.setScale(2);
  }
}
