package org.coproduced.commissioning.feedback;

import static org.coproduced.commissioning.feedback.FeedbackVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/**
 * An expert confirms they read what became of their words; their reply stays private, and if they
 * wrote one, a coordinator gets a task to answer it.
 */
@Component
public class FeedbackAcknowledgementListener implements TaskListener {

  private final FeedbackRepository feedback;
  private final FeedbackReplies replies;

  public FeedbackAcknowledgementListener(FeedbackRepository feedback, FeedbackReplies replies) {
    this.feedback = feedback;
    this.replies = replies;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    String reply = form.takePrivateText(PRIVATE_REPLY, "Anything you would like to say back", TaskForm.LONG_TEXT);
    form.requireTicked(FEEDBACK_READ, "I have read what happened to what I said");
    long cycleId = form.id(CYCLE_ID);
    String ref = form.processText(CONTRIBUTOR_REF);
    feedback.acknowledge(cycleId, ref, reply);
    replies.afterAcknowledgement(cycleId, ref, reply);
  }
}
