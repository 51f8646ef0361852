package org.coproduced.commissioning.involvement;

import static org.coproduced.commissioning.involvement.InvolvementVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/**
 * The coordinator's check of a request. Short notice is refused unless the coordinator records an
 * exception and its reason: experts told us late invitations are one of the things that hurt most.
 * When nobody can take part, the coordinator says so here and records why in the next task; that
 * is refused while experts could still be asked ({@link NobodyCouldTakePartRule}).
 */
@Component
public class RequestReviewListener implements TaskListener {

  static final String ACCEPT = "accept";
  static final String SEND_BACK = "sendBack";

  private final InvolvementRequestRepository requests;
  private final NoticeRule notice;
  private final NobodyCouldTakePartRule nobodyCouldTakePart;

  public RequestReviewListener(InvolvementRequestRepository requests, NoticeRule notice,
      NobodyCouldTakePartRule nobodyCouldTakePart) {
    this.requests = requests;
    this.notice = notice;
    this.nobodyCouldTakePart = nobodyCouldTakePart;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    long requestId = form.id(REQUEST_ID);
    String decision = form.requiredChoice(REQUEST_DECISION, "Your decision", ACCEPT, SEND_BACK, NOBODY_CAN_TAKE_PART);
    if (NOBODY_CAN_TAKE_PART.equals(decision)) {
      nobodyCouldTakePart.check(requests.get(requestId));
      return; // the next task, for coordinators, records why: it is the one that closes the request
    }
    String feedback = form.optionalText(REVIEWER_FEEDBACK, "What the commissioner should change", TaskForm.LONG_TEXT);
    if (SEND_BACK.equals(decision)) {
      if (feedback == null) {
        throw new FormInputException("Please tell the commissioner what to change before sending it back.");
      }
      requests.recordReview(requestId, RequestStatus.SENT_BACK, feedback, null);
      return;
    }
    InvolvementRequest request = requests.get(requestId);
    String exceptionReason = notice.isShort(request.sessionDate())
        ? form.optionalText(NOTICE_EXCEPTION_REASON, "Why shorter notice is acceptable", TaskForm.LONG_TEXT) : null;
    int noticeDays = notice.check(request.sessionDate(), form.isTicked(NOTICE_EXCEPTION) && exceptionReason != null,
        "Send the request back, or tick \"Accept shorter notice\" and say why.");
    requests.recordReview(requestId, RequestStatus.ACCEPTED, feedback, exceptionReason);
    task.setVariable(NOTICE_WORKING_DAYS, noticeDays);
  }
}
