package org.coproduced.commissioning.feedback;

import org.coproduced.commissioning.schedule.CycleSchedule;
import org.springframework.stereotype.Component;

/** Timer values of the feedback model, e.g. {@code ${feedbackSchedule.followUpAfter()}}. */
@Component
public class FeedbackSchedule {

  private final CycleSchedule schedule;

  public FeedbackSchedule(CycleSchedule schedule) {
    this.schedule = schedule;
  }

  public String followUpAfter() {
    return schedule.feedbackFollowUpAfter();
  }
}
