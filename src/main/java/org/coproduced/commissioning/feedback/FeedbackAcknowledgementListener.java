package org.coproduced.commissioning.feedback;

import static org.coproduced.commissioning.feedback.FeedbackVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.stepback.StepBacks;
import org.springframework.stereotype.Component;

/**
 * An expert confirms they read what became of their words; their reply stays private, and if they
 * wrote one, a coordinator gets a task to answer it. They may also say whether their words may
 * appear on the cycle's public page. Someone who steps back ("I can't do this now", "I'd like to talk
 * to someone") acknowledges nothing: a coordinator gets in touch instead.
 */
@Component
public class FeedbackAcknowledgementListener implements TaskListener {

  /** Who recorded the yes or no to the public page when the person chose it themselves. */
  static final String CONTRIBUTOR = "contributor";

  private final FeedbackRepository feedback;
  private final FeedbackReplies replies;
  private final StepBacks stepBacks;

  public FeedbackAcknowledgementListener(FeedbackRepository feedback, FeedbackReplies replies, StepBacks stepBacks) {
    this.feedback = feedback;
    this.replies = replies;
    this.stepBacks = stepBacks;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    String reply = form.takePrivateText(PRIVATE_REPLY, "Anything you would like to say back", TaskForm.LONG_TEXT);
    Boolean publicConsent = PublicConsentField.take(form);
    if (stepBacks.handle(task, form.id(CYCLE_ID), form.processText(CONTRIBUTOR_REF))) {
      return;
    }
    form.requireTicked(FEEDBACK_READ, "I have read what happened to what I said");
    long cycleId = form.id(CYCLE_ID);
    String ref = form.processText(CONTRIBUTOR_REF);
    feedback.acknowledge(cycleId, ref, reply);
    feedback.recordPublicConsent(cycleId, ref, publicConsent, CONTRIBUTOR);
    replies.afterAcknowledgement(cycleId, ref, reply);
  }
}
