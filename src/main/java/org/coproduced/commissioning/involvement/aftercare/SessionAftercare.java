package org.coproduced.commissioning.involvement.aftercare;

import static org.coproduced.commissioning.involvement.aftercare.AftercareVariables.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.coproduced.commissioning.experts.ExpertContacts;
import org.coproduced.commissioning.experts.ExpertContacts.ExpertContact;
import org.coproduced.commissioning.involvement.InvolvementRequest;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.invitation.Invitation;
import org.coproduced.commissioning.notification.SystemAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What follows a session for each expert who took part: a coordinator's check-in when they may
 * have talked about their own experiences (process {@code wellbeing-check-in}), and "How was it
 * for you?" (process {@code session-experience}), by email or through a coordinator. Each is
 * started once per invitation, however often this is called.
 */
@Service
public class SessionAftercare {

  private final InvolvementRequestRepository requests;
  private final ExpertContacts contacts;
  private final CheckInRepository checkIns;
  private final SessionExperienceRepository experiences;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final SystemAccess system;

  public SessionAftercare(InvolvementRequestRepository requests, ExpertContacts contacts, CheckInRepository checkIns,
      SessionExperienceRepository experiences, RuntimeService runtime, HistoryService history, SystemAccess system) {
    this.requests = requests;
    this.contacts = contacts;
    this.checkIns = checkIns;
    this.experiences = experiences;
    this.runtime = runtime;
    this.history = history;
    this.system = system;
  }

  /** Starts the aftercare of one expert who took part, in the caller's transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void afterSession(Invitation invitation) {
    ExpertContact expert = contacts.expert(invitation.expertRef()).orElse(null);
    if (expert == null || expert.erased()) {
      return; // they asked for their personal data to be erased: we do not contact them again
    }
    InvolvementRequest request = requests.get(invitation.requestId());
    Map<String, Object> variables = new HashMap<>();
    variables.put(CYCLE_ID, request.cycleId());
    variables.put(REQUEST_ID, request.id());
    variables.put(INVITATION_ID, invitation.id());
    variables.put(EXPERT_REF, invitation.expertRef());
    if (requests.asksAboutOwnExperience(request.id())
        && checkIns.open(invitation.id(), invitation.expertId(), request.cycleId())) {
      start(CHECK_IN_PROCESS, "check-in/" + invitation.id(), variables);
    }
    if (experiences.ask(invitation.id(), invitation.expertId(), request.cycleId())) {
      variables.put(ASK_BY, expert.reachableByEmail() ? ASK_BY_EMAIL : ASK_BY_COORDINATOR);
      start(EXPERIENCE_PROCESS, "session-experience/" + invitation.id(), variables);
    }
  }

  private void start(String processKey, String businessKey, Map<String, Object> variables) {
    system.withoutAuthorization(() -> {
      // The rows above already make this once only; this keeps a hand-repaired row from starting a second.
      if (history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
          .processInstanceBusinessKey(businessKey).count() == 0) {
        runtime.startProcessInstanceByKey(processKey, businessKey, variables);
      }
      return null;
    });
  }
}
