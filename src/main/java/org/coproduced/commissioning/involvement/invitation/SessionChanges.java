package org.coproduced.commissioning.involvement.invitation;

import static org.coproduced.commissioning.involvement.InvolvementVariables.SESSION_CANCELLED_MESSAGE;
import static org.coproduced.commissioning.involvement.InvolvementVariables.SESSION_MOVED_MESSAGE;

import java.util.Objects;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.coproduced.commissioning.experts.ExpertContacts;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.involvement.InvolvementRequest;
import org.coproduced.commissioning.involvement.RequestDescriptionListener;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.NoticeRule;
import org.coproduced.commissioning.involvement.RequestStatus;
import org.coproduced.commissioning.involvement.SessionMove;
import org.coproduced.commissioning.notification.MessageContent;
import org.coproduced.commissioning.notification.SystemAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A coordinator moves one session (date, time, place or format) or cancels it, saying why.
 * Moving asks everyone invited or who said yes again, with the new details (a new invitation; a
 * coordinator task for people who prefer post or phone), and the gate's timers follow the new date.
 * Cancelling tells everyone invited, frees their time, and sends the request back to its
 * commissioner for a new date. Each saves the change and tells the gate in one transaction: bad
 * input changes nothing, and a change is never half made.
 */
@Service
public class SessionChanges {

  private final InvolvementRequestRepository requests;
  private final InvitationRepository invitations;
  private final SessionNews news;
  private final ExpertContacts contacts;
  private final NoticeRule notice;
  private final SessionMoveForm form;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final SystemAccess system;
  private final SessionCallOff callOff;

  public SessionChanges(InvolvementRequestRepository requests, InvitationRepository invitations, SessionNews news,
      ExpertContacts contacts, NoticeRule notice, SessionMoveForm form, RuntimeService runtime,
      RepositoryService repository, SystemAccess system, SessionCallOff callOff) {
    this.requests = requests;
    this.invitations = invitations;
    this.news = news;
    this.contacts = contacts;
    this.notice = notice;
    this.form = form;
    this.runtime = runtime;
    this.repository = repository;
    this.system = system;
    this.callOff = callOff;
  }

  /**
   * Moves the session.
   *
   * @param by the coordinator's user id, kept with the change
   * @throws FormInputException with what to correct; nothing is changed
   */
  @Transactional
  public void move(long requestId, SessionMove move, String by) {
    InvolvementRequest request = request(requestId);
    form.check(move);
    if (Objects.equals(move.date(), request.sessionDate()) && move.time().equals(request.sessionTime())
        && move.format().equals(request.sessionFormat()) && move.venueAndAccess().equals(request.venueAndAccess())) {
      throw new FormInputException("Nothing about the session changed. Change its date, time, place or format, "
          + "or leave it as it is.");
    }
    int noticeDays = notice.check(move.date(), move.shortNoticeReason() != null,
        "Choose a later date, or say why shorter notice is acceptable.");
    String gate = gateWaitingFor(request, SESSION_MOVED_MESSAGE);
    if (!requests.recordSessionMoved(requestId, move, noticeDays, by)) {
      throw notNow();
    }
    for (Invitation invitation : invitations.askAgain(requestId)) {
      // Emailed people hear it in their new invitation; post and phone people from a coordinator.
      if (!contacts.emailReaches(invitation.expertRef())) {
        news.askCoordinatorsToTell(invitation, SessionNewsMessage.moved(invitation.id()));
      }
    }
    correlate(SESSION_MOVED_MESSAGE, gate);
  }

  /**
   * Cancels the session: the commissioner is asked for a new date.
   *
   * @throws FormInputException with what to correct; nothing is changed
   */
  @Transactional
  public void cancel(long requestId, String reason, String by) {
    InvolvementRequest request = request(requestId);
    String why = form.reason(reason, "Please say why the session is cancelled: everyone invited will be told.");
    String gate = gateWaitingFor(request, SESSION_CANCELLED_MESSAGE);
    String feedback = "The session on " + MessageContent.DAY.format(request.sessionDate()) + " was cancelled: " + why
        + " Please choose a new date. Everyone who was invited has been told.";
    if (!requests.recordSessionCancelled(requestId, why, feedback, by)) {
      throw notNow();
    }
    invitations.callOff(requestId).forEach(callOff::tellCalledOff);
    correlate(SESSION_CANCELLED_MESSAGE, gate);
  }

  private InvolvementRequest request(long requestId) {
    InvolvementRequest request = requests.findById(requestId)
        .orElseThrow(() -> new FormInputException("There is no such session. It may have been deleted."));
    if (RequestDescriptionListener.NO_SESSION_FORMAT.equals(request.sessionFormat())) {
      throw new FormInputException("This request asks for peer research only, so there is no session to move or "
          + "cancel. If the date to gather views by must change, tell the peer researchers directly.");
    }
    return request;
  }

  /** The gate's process, if it is inviting experts or waiting for the session; otherwise why not. */
  private String gateWaitingFor(InvolvementRequest request, String message) {
    if (!RequestStatus.ACCEPTED.name().equals(request.status())) {
      throw notNow();
    }
    String gate = requests.processInstanceIdOf(request.id()).orElseThrow(SessionChanges::notNow);
    return system.withoutAuthorization(() -> {
      boolean waiting = runtime.createEventSubscriptionQuery().processInstanceId(gate).eventType("message")
          .eventName(message).count() > 0;
      if (!waiting) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(gate).singleResult();
        boolean olderModel = instance != null && repository.getBpmnModelInstance(instance.getProcessDefinitionId())
            .getModelElementsByType(Message.class).stream().noneMatch(m -> message.equals(m.getName()));
        throw olderModel ? new FormInputException("This session's gate started on an earlier version of the process, "
            + "which cannot move or cancel a session. An administrator can move it to the current version (see "
            + "\"Upgrading\" in the guide); then try again.") : notNow();
      }
      return gate;
    });
  }

  private void correlate(String message, String gate) {
    system.withoutAuthorization(() -> runtime.createMessageCorrelation(message).processInstanceId(gate).correlateWithResult());
  }

  private static FormInputException notNow() {
    return new FormInputException("This session cannot be moved or cancelled now: its experts are not being invited "
        + "and it is not waiting to happen. Before invitations go out, change the request itself; after the "
        + "session, record what happened.");
  }
}
