package org.coproduced.commissioning.cycle;

import org.coproduced.commissioning.modelcheck.Stage;
import org.springframework.stereotype.Component;

/** The DO stage (choosing who runs it) is done: everyone who contributed hears where things are now. */
@Component
public class DoStageFinishedListener extends StageFinishedListener {

  public DoStageFinishedListener(StageUpdates updates) {
    super(updates, Stage.DO, CycleVariables.EVALUATION_REQUEST_ID);
  }
}
