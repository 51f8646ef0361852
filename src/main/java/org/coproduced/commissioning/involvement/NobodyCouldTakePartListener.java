package org.coproduced.commissioning.involvement;

import static org.coproduced.commissioning.involvement.InvolvementVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/**
 * A coordinator closes a gate because nobody could take part, and must say why: the gate then
 * ends without contributions, and auditors read the reason in the cycle's evidence. The reason
 * may name someone, so it is kept with the request and removed from the engine.
 *
 * <p>The deployment check knows this bean by name: an involvement process may end without a
 * contribution only through a coordinators' task whose completion calls it.
 */
@Component
public class NobodyCouldTakePartListener implements TaskListener {

  /** Long enough to say what was tried; a word or two is not a reason. */
  static final int SHORTEST_REASON = 20;

  private final InvolvementRequestRepository requests;

  public NobodyCouldTakePartListener(InvolvementRequestRepository requests) {
    this.requests = requests;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    long requestId = form.id(REQUEST_ID);
    String reason = form.takePrivateText(NOBODY_REASON, "Why nobody could take part", TaskForm.LONG_TEXT);
    if (reason == null || reason.length() < SHORTEST_REASON) {
      throw new FormInputException("Please say why nobody could take part, and what you tried, in a sentence or two."
          + " Auditors will read it.");
    }
    requests.recordNobodyCouldTakePart(requestId, reason, currentUser(task));
  }

  private static String currentUser(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
