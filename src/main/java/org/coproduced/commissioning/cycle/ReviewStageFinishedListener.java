package org.coproduced.commissioning.cycle;

import org.coproduced.commissioning.modelcheck.Stage;
import org.springframework.stereotype.Component;

/** The REVIEW stage (reviewing the service) is done: everyone who contributed hears where things are now. */
@Component
public class ReviewStageFinishedListener extends StageFinishedListener {

  public ReviewStageFinishedListener(StageUpdates updates) {
    super(updates, Stage.REVIEW, CycleVariables.REVIEW_REQUEST_ID);
  }
}
