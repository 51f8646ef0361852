package org.coproduced.commissioning.involvement.invitation;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.experts.ExpertContacts;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.matching.MatchingService;
import org.coproduced.commissioning.support.CycleDriver;
import org.springframework.context.ApplicationContext;

/**
 * A cycle at its ANALYSE gate with invitations out, among them one to someone who prefers post or
 * phone, so every test of session news sees both channels; and the look-ups those tests share.
 */
final class InvitedSession {

  final CycleDriver driver;
  final InvolvementRequestRepository requests;
  final InvitationRepository invitations;
  final ExpertContacts contacts;
  final MatchingService matching;
  final ProcessEngine engine;

  InvitedSession(ApplicationContext context) {
    engine = context.getBean(ProcessEngine.class);
    driver = new CycleDriver(engine);
    requests = context.getBean(InvolvementRequestRepository.class);
    invitations = context.getBean(InvitationRepository.class);
    contacts = context.getBean(ExpertContacts.class);
    matching = context.getBean(MatchingService.class);
  }

  ProcessInstance cycleWithInvitationsOut(String title, LocalDate day) {
    ProcessInstance cycle = driver.startCycle(title);
    String bk = cycle.getBusinessKey();
    driver.agreePlan(bk);
    driver.describeRequest(bk, day, 2);
    driver.acceptRequest(bk);
    long requestId = requestOf(bk);
    Map<String, Object> confirm = new HashMap<>(Map.of("proposalConfirmed", true));
    boolean offlineProposed = refsWith(requestId, InvitationStatus.PROPOSED).stream()
        .anyMatch(ref -> !contacts.emailReaches(ref));
    if (!offlineProposed) {
      String offline = matching.eligible(requests.get(requestId)).stream().map(c -> c.expert().ref())
          .filter(ref -> !contacts.emailReaches(ref)).findFirst()
          .orElseThrow(() -> new AssertionError("Nobody who prefers post or phone is free on " + day));
      confirm.put("addExpertRefs", offline);
      confirm.put("overrideReason", "They asked to take part in this one, and prefer a phone call.");
    }
    driver.submit(driver.task(bk, "Activity_ConfirmExperts"), confirm);
    return cycle;
  }

  long requestOf(String bk) {
    return Collections.max(requests.idsOfCycle(Long.parseLong(bk)));
  }

  List<String> refsWith(long requestId, InvitationStatus status) {
    return invitations.findByRequest(requestId).stream().filter(i -> i.status() == status).map(Invitation::expertRef)
        .toList();
  }

  List<Invitation> with(long requestId, InvitationStatus... statuses) {
    List<InvitationStatus> wanted = List.of(statuses);
    return invitations.findByRequest(requestId).stream().filter(i -> wanted.contains(i.status())).toList();
  }

  /** The coordinators' tasks to tell this person this news (process {@code session-news}). */
  List<Task> newsTasks(Invitation invitation, String news) {
    return engine.getTaskService().createTaskQuery().processDefinitionKey(SessionNewsVariables.PROCESS_ID)
        .processVariableValueEquals("invitationId", invitation.id()).processVariableValueEquals("news", news).list();
  }
}
