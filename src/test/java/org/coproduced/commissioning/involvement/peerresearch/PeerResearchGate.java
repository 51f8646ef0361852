package org.coproduced.commissioning.involvement.peerresearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.involvement.aftercare.SessionGate;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.notification.Deliveries;
import org.coproduced.commissioning.support.CycleDriver;
import org.springframework.context.ApplicationContext;

/**
 * A gate asking for peer research (alone or with a session) of exactly the experts named, through
 * the real models ({@link SessionGate}): described, accepted, the invitations confirmed and sent.
 */
public final class PeerResearchGate {

  static final String ASK = "What makes it hard to get help at night?";

  private final SessionGate gate;
  private final ProcessEngine engine;
  private final InvitationRepository invitations;

  public PeerResearchGate(ApplicationContext context) {
    this.gate = new SessionGate(context);
    this.engine = context.getBean(ProcessEngine.class);
    this.invitations = context.getBean(InvitationRepository.class);
  }

  public CycleDriver driver() {
    return gate.driver();
  }

  public Deliveries deliveries() {
    return gate.deliveries();
  }

  /** The request form for peer research only: no session date, time, place or other people. */
  public static Map<String, Object> peerResearchOnly(int places) {
    Map<String, Object> fields = new HashMap<>(CycleDriver.requestFields(CycleDriver.nextSessionDate(), places));
    List.of("sessionDate", "sessionTime", "durationHours", "sessionFormat", "venueAndAccess", "whoWillAttend")
        .forEach(fields::remove);
    fields.put("howToTakePart", "peerResearch");
    fields.put("peerResearchBy", CycleDriver.nextSessionDate().toString());
    fields.put("peerResearchAsk", ASK);
    return fields;
  }

  /** The request form for a session and peer research together. */
  static Map<String, Object> both(int places) {
    Map<String, Object> fields = new HashMap<>(CycleDriver.requestFields(CycleDriver.nextSessionDate(), places));
    fields.put("howToTakePart", "both");
    fields.put("peerResearchBy", LocalDate.now().plusDays(30).toString());
    fields.put("peerResearchAsk", ASK);
    return fields;
  }

  /**
   * A gate described with these fields whose invitations to {@code refs} are sent (the mail waits in
   * the outbox: {@code deliveries().sendAll()} sends it); returns its business key.
   */
  public String invited(String title, Map<String, Object> request, String... refs) {
    return gate.described(title, request, refs);
  }

  /** The expert's open invitation task. */
  public Task invitationOf(String bk, String ref) {
    return driver().tasks(bk, "Activity_AnswerInvitation").stream()
        .filter(t -> refOf(t).equals(ref)).findFirst().orElseThrow();
  }

  /** The expert's open "record what people told you" task. */
  public Task recordOf(String bk, String ref) {
    List<Task> found = driver().tasks(bk, PeerResearchVariables.RECORD_PEER_RESEARCH).stream()
        .filter(t -> refOf(t).equals(ref)).toList();
    assertThat(found).as("record tasks of %s", ref).hasSize(1);
    return found.get(0);
  }

  /** What a peer researcher records: the points, how many people, the hours. */
  public static Map<String, Object> gathered(int people, int hours, String... points) {
    Map<String, Object> f = new HashMap<>();
    for (int i = 0; i < points.length; i++) {
      f.put(PeerResearchVariables.point(i + 1), points[i]);
    }
    f.put("peopleHeard", people);
    f.put("hoursSpent", hours);
    return f;
  }

  public long requestId(String bk) {
    return gate.requestId(bk);
  }

  public long invitationId(String bk, String ref) {
    return gate.invitationId(bk, ref);
  }

  private String refOf(Task task) {
    Object id = engine.getTaskService().getVariable(task.getId(), "invitationId");
    return invitations.get(((Number) id).longValue()).expertRef();
  }
}
