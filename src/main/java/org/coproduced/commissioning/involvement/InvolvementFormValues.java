package org.coproduced.commissioning.involvement;

import org.coproduced.commissioning.involvement.invitation.Invitation;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.involvement.recompense.BenefitsCheck;
import org.coproduced.commissioning.involvement.recompense.BenefitsRules;
import org.coproduced.commissioning.involvement.recompense.RecompenseRates;
import static org.coproduced.commissioning.involvement.InvolvementVariables.*;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.experts.Expert;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.experts.LivedExperienceAreas;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives two forms of {@code involvement-request} what they show when their task is created: the
 * managed list of lived-experience areas for the commissioner's request, and the expert's
 * benefits warning for the coordinator recording a session.
 *
 * <p>It listens to the task events the Camunda Spring Boot starter publishes for every task
 * ({@code camunda.bpm.eventing.task}, on by default), so the model itself needs no listener for it.
 */
@Component
public class InvolvementFormValues {

  static final String DESCRIBE_REQUEST = "Activity_DescribeRequest";
  static final String RECORD_CONTRIBUTION = "Activity_RecordContribution";

  private final LivedExperienceAreas areas;
  private final InvitationRepository invitations;
  private final InvolvementRequestRepository requests;
  private final ExpertRepository experts;
  private final RecompenseRates rates;
  private final BenefitsRules benefits;

  public InvolvementFormValues(LivedExperienceAreas areas, InvitationRepository invitations,
      InvolvementRequestRepository requests, ExpertRepository experts, RecompenseRates rates,
      BenefitsRules benefits) {
    this.areas = areas;
    this.invitations = invitations;
    this.requests = requests;
    this.experts = experts;
    this.rates = rates;
    this.benefits = benefits;
  }

  @EventListener
  public void taskEvent(DelegateTask task) {
    if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) || task.getProcessDefinitionId() == null
        || !task.getProcessDefinitionId().startsWith(PROCESS_ID + ":")) {
      return;
    }
    if (DESCRIBE_REQUEST.equals(task.getTaskDefinitionKey())) {
      task.setVariableLocal(LIVED_EXPERIENCE_OPTIONS, areas.formOptions());
    } else if (RECORD_CONTRIBUTION.equals(task.getTaskDefinitionKey())) {
      // Most experts are nowhere near the limit: the form shows the warning only when there is one.
      String warning = benefitsWarning(TaskForm.of(task).id(INVITATION_ID));
      if (!warning.isEmpty()) {
        task.setVariableLocal(BENEFITS_WARNING, warning);
      }
    }
  }

  /** The warning for the expert of this invitation, counting what this session will add. */
  public String benefitsWarning(long invitationId) {
    Invitation invitation = invitations.get(invitationId);
    Expert expert = experts.findById(invitation.expertId()).orElseThrow();
    if (!BenefitsRules.countsForBenefits(expert.recompensePreference())) {
      return "";
    }
    InvolvementRequest request = requests.get(invitation.requestId());
    BigDecimal session = rates.expectedRate(request.stage(), request.sessionFormat(), request.durationHours(), 0).amount();
    BenefitsCheck check = benefits.benefitsCheck(expert.id(), request.sessionDate(), session);
    return check.warn() ? "With this session, " + expert.ref() + " has " + check.message() : "";
  }
}
