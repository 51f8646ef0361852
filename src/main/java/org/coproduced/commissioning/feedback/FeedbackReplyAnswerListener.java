package org.coproduced.commissioning.feedback;

import static org.coproduced.commissioning.feedback.FeedbackReplyVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.notification.MessageQueue;
import org.coproduced.commissioning.notification.Recipient;
import org.springframework.stereotype.Component;

/**
 * Keeps a coordinator's answer to an expert's reply in the application's table (the words never
 * stay in the engine) and sends it by the person's channel: an email, or, for someone who prefers
 * post or phone, the coordinator's word for how they told them.
 */
@Component
public class FeedbackReplyAnswerListener implements TaskListener {

  static final String[] TOLD_HOW_CHOICES = {"post", "phone", "in-person"};

  private final FeedbackReplyRepository replies;
  private final MessageQueue messages;

  public FeedbackReplyAnswerListener(FeedbackReplyRepository replies, MessageQueue messages) {
    this.replies = replies;
    this.messages = messages;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    String answer = form.takePrivateText(PRIVATE_REPLY_ANSWER, "Your answer", TaskForm.LONG_TEXT);
    if (answer == null) {
      throw new FormInputException("Please fill in \"Your answer\".");
    }
    long cycleId = form.id(CYCLE_ID);
    String ref = form.processText(EXPERT_REF);
    // The channel the form showed: it asks "How did you tell them?" only when we do not email.
    boolean byEmail = Boolean.TRUE.equals(task.getVariable(ANSWER_BY_EMAIL));
    String how = byEmail ? "email" : form.requiredChoice(TOLD_HOW, "How did you tell them?", TOLD_HOW_CHOICES);
    if (!replies.recordAnswer(cycleId, ref, answer, how, currentUser(task))) {
      // Erased or answered meanwhile: nothing is kept and nothing is sent.
      return;
    }
    if (byEmail) {
      messages.queue(FeedbackReplies.businessKey(cycleId, ref), Recipient.expert(ref),
          new FeedbackReplyMessage(cycleId));
    }
  }

  private static String currentUser(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? task.getAssignee() : authentication.getUserId();
  }
}
