package org.coproduced.commissioning.involvement;

import java.util.Date;
import org.coproduced.commissioning.schedule.CycleSchedule;
import org.springframework.stereotype.Component;

/** Timer values of the involvement model, e.g. {@code ${involvementSchedule.reminderAfter()}}. */
@Component
public class InvolvementSchedule {

  private final CycleSchedule schedule;
  private final InvolvementRequestRepository requests;

  public InvolvementSchedule(CycleSchedule schedule, InvolvementRequestRepository requests) {
    this.schedule = schedule;
    this.requests = requests;
  }

  public String reminderAfter() {
    return schedule.invitationReminderAfter();
  }

  public String followUpAfter() {
    return schedule.invitationFollowUpAfter();
  }

  /** When everyone who said yes is reminded of the session (timer {@code Event_SessionReminderDue}). */
  public Date sessionReminderAt(long requestId) {
    InvolvementRequest request = requests.get(requestId);
    return schedule.sessionReminderAt(request.sessionDate(), request.sessionTime());
  }

  public Date sessionHeldAt(long requestId) {
    InvolvementRequest request = requests.get(requestId);
    return schedule.sessionHeldAt(request.sessionDate(), request.sessionTime());
  }
}
