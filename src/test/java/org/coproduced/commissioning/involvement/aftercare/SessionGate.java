package org.coproduced.commissioning.involvement.aftercare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationStatus;
import org.coproduced.commissioning.notification.Deliveries;
import org.coproduced.commissioning.support.CycleDriver;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A gate of a cycle with exactly the experts named, through the real models: described (saying
 * whether people may be asked about their own experiences), accepted, invited, every invitation
 * accepted, and the session held. Used by the aftercare and privacy tests.
 */
public final class SessionGate {

  private final ProcessEngine engine;
  private final JdbcClient jdbc;
  private final CycleDriver driver;
  private final Deliveries deliveries;
  private final CycleRepository cycles;
  private final InvitationRepository invitations;
  private final ExpertRepository experts;

  public SessionGate(ApplicationContext context) {
    this.engine = context.getBean(ProcessEngine.class);
    this.jdbc = context.getBean(JdbcClient.class);
    this.driver = new CycleDriver(engine);
    this.deliveries = new Deliveries(engine, jdbc);
    this.cycles = context.getBean(CycleRepository.class);
    this.invitations = context.getBean(InvitationRepository.class);
    this.experts = context.getBean(ExpertRepository.class);
  }

  public CycleDriver driver() {
    return driver;
  }

  public Deliveries deliveries() {
    return deliveries;
  }

  /** A gate whose invitations to {@code refs} are sent (and delivered) and accepted; returns its business key. */
  public String invited(String title, boolean ownExperience, String... refs) {
    Map<String, Object> fields = new HashMap<>(CycleDriver.requestFields(CycleDriver.nextSessionDate(), refs.length));
    fields.put("ownExperience", ownExperience ? "yes" : "no");
    String bk = described(title, fields, refs);
    deliveries.sendAll();
    return bk;
  }

  /**
   * A gate described with these request fields, accepted, and its invitations to exactly
   * {@code refs} confirmed and sent (the mail waits in the outbox); returns its business key.
   */
  public String described(String title, Map<String, Object> requestFields, String... refs) {
    long cycle = cycles.insert(title, "housing-homelessness", "under-100k", "Experts will shape the service.",
        "Better outcomes", "Spring", "commissioner", null);
    String bk = String.valueOf(cycle);
    engine.getRuntimeService().startProcessInstanceByKey("involvement-request", bk,
        Map.of("cycleId", cycle, "commissioner", "commissioner", "stage", "ANALYSE"));
    driver.submit(driver.task(bk, "Activity_DescribeRequest"), requestFields);
    driver.acceptRequest(bk);
    long requestId = requestId(bk);
    jdbc.sql("DELETE FROM cc_invitation WHERE request_id = ?").param(requestId).update();
    for (String ref : refs) {
      invitations.insert(requestId, experts.findByRef(ref).orElseThrow().id(), InvitationStatus.PROPOSED, false, null);
    }
    driver.confirmExperts(bk);
    return bk;
  }

  /** The session is held: everyone invited came and said one thing, except {@code absent}. */
  public void held(String bk, String... absent) {
    assertThat(driver.acceptAllInvitations(bk)).isPositive();
    driver.fireTimer(bk, "Event_SessionDue");
    List<Task> records = driver.tasks(bk, "Activity_RecordContribution");
    assertThat(records).isNotEmpty();
    for (Task record : records) {
      String ref = refOf(record);
      Map<String, Object> f = new HashMap<>();
      boolean came = !Arrays.asList(absent).contains(ref);
      f.put("attended", came ? "yes" : "no");
      if (came) {
        f.put("privateContribution1", "The waiting room felt unsafe at night. " + record.getId());
      }
      f.put("hoursGiven", came ? 2 : 0);
      driver.submit(record, f);
    }
  }

  /** The gate's request (the cycle's only one), also once the gate has finished. */
  public long requestId(String bk) {
    return jdbc.sql("SELECT MAX(id) FROM cc_involvement_request WHERE cycle_id = ?").param(Long.parseLong(bk))
        .query(Long.class).single();
  }

  /** The invitation of one expert to the gate's session. */
  public long invitationId(String bk, String ref) {
    return invitations.findByRequest(requestId(bk)).stream().filter(i -> i.expertRef().equals(ref)).findFirst()
        .orElseThrow().id();
  }

  /** The one open task of an aftercare process for this invitation, e.g. {@code check-in/42}. */
  public Task task(String businessKey) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
  }

  private String refOf(Task task) {
    Object id = engine.getTaskService().getVariable(task.getId(), "invitationId");
    return invitations.get(((Number) id).longValue()).expertRef();
  }
}
