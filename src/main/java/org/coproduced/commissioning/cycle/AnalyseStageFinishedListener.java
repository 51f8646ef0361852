package org.coproduced.commissioning.cycle;

import org.coproduced.commissioning.modelcheck.Stage;
import org.springframework.stereotype.Component;

/** The ANALYSE stage (understanding needs) is done: everyone who contributed hears where things are now. */
@Component
public class AnalyseStageFinishedListener extends StageFinishedListener {

  public AnalyseStageFinishedListener(StageUpdates updates) {
    super(updates, Stage.ANALYSE, CycleVariables.ANALYSE_REQUEST_ID);
  }
}
