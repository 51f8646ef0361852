package org.coproduced.commissioning.involvement.invitation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.experts.Expert;
import org.coproduced.commissioning.support.CycleDriver;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An involvement gate of a new cycle whose coordinator invites exactly the experts a test names
 * (newcomers and their buddies marked as such), so what each invitation says and what each answer
 * does can be read without the rest of the pool in the way.
 */
final class InvitedGate {

  static final String PURPOSE = "People who slept rough know what stops them using the night shelter; "
      + "they can change the opening hours and the rules (invitation test).";
  static final String TIMELINE = "Needs in spring, the tender in summer, the new service from April.";

  final ProcessEngine engine;
  final CycleDriver driver;
  final String bk;
  final long cycleId;
  final LocalDate sessionDate;
  long requestId;

  private final JdbcClient jdbc;
  private final InvitationRepository invitations;

  private InvitedGate(ApplicationContext context, String stage) {
    this.engine = context.getBean(ProcessEngine.class);
    this.jdbc = context.getBean(JdbcClient.class);
    this.invitations = context.getBean(InvitationRepository.class);
    this.driver = new CycleDriver(engine);
    this.cycleId = context.getBean(CycleRepository.class).insert("Night shelter", "housing-homelessness",
        "under-100k", PURPOSE, "Fewer nights outside", TIMELINE, "commissioner", null);
    this.bk = String.valueOf(cycleId);
    this.sessionDate = CycleDriver.nextSessionDate();
    engine.getRuntimeService().startProcessInstanceByKey("involvement-request", bk,
        Map.of("cycleId", cycleId, "commissioner", "commissioner", "stage", stage));
  }

  /** Describes and accepts the request; {@link #invite} then says who goes. */
  static InvitedGate described(ApplicationContext context, String stage, Map<String, Object> changes) {
    InvitedGate gate = new InvitedGate(context, stage);
    Map<String, Object> fields = new HashMap<>(CycleDriver.requestFields(gate.sessionDate, 2));
    fields.putAll(changes);
    gate.driver.submit(gate.driver.task(gate.bk, "Activity_DescribeRequest"), fields);
    gate.driver.acceptRequest(gate.bk);
    gate.requestId = ((Number) gate.engine.getRuntimeService().getVariable(
        gate.driver.task(gate.bk, "Activity_ConfirmExperts").getProcessInstanceId(), "requestId")).longValue();
    return gate;
  }

  /** The coordinator confirms these experts (and these buddies) alone; the invitations go out. */
  InvitedGate invite(Expert[] experts, Expert... buddies) {
    jdbc.sql("DELETE FROM cc_invitation WHERE request_id = ?").param(requestId).update();
    for (Expert expert : experts) {
      invitations.insert(requestId, expert.id(), InvitationStatus.PROPOSED, false, null);
    }
    for (Expert buddy : buddies) {
      invitations.insert(requestId, buddy.id(), InvitationStatus.PROPOSED, true, null);
    }
    driver.confirmExperts(bk);
    return this;
  }

  InvitedGate invite(Expert... experts) {
    return invite(experts, new Expert[0]);
  }

  long invitationOf(Expert expert) {
    return invitations.findByRequest(requestId).stream().filter(i -> i.expertId() == expert.id()).findFirst()
        .orElseThrow().id();
  }

  /** The expert's open *Answer an invitation* task. */
  Task answerTask(Expert expert) {
    long invitationId = invitationOf(expert);
    return driver.tasks(bk, "Activity_AnswerInvitation").stream()
        .filter(t -> ((Number) engine.getTaskService().getVariable(t.getId(), "invitationId")).longValue()
            == invitationId)
        .findFirst().orElseThrow();
  }

  static String emailOf(Expert expert) {
    return expert.ref().toLowerCase() + "@example.org";
  }
}
