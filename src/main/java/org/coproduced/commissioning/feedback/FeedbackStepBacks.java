package org.coproduced.commissioning.feedback;

import org.coproduced.commissioning.stepback.StepBacks;
import org.coproduced.commissioning.stepback.TaskKinds;
import org.springframework.stereotype.Component;

/**
 * Whether a contributor stepped back from reading their feedback ("I can't do this now", "I'd like
 * to talk to someone"): then a coordinator makes sure they have it (the gateway after
 * {@code Activity_AcknowledgeFeedback}). Used from the feedback-delivery model.
 */
@Component
public class FeedbackStepBacks {

  private final StepBacks stepBacks;

  public FeedbackStepBacks(StepBacks stepBacks) {
    this.stepBacks = stepBacks;
  }

  public boolean steppedBack(long cycleId, String contributorRef) {
    return stepBacks.steppedBack(cycleId, TaskKinds.ACKNOWLEDGE_FEEDBACK).contains(contributorRef);
  }
}
