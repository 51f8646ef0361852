package org.coproduced.commissioning.cycle;

import org.springframework.stereotype.Component;

/** The ANALYSE stage (understanding needs) is done: everyone who contributed hears where things are now. */
@Component
public class AnalyseStageFinishedListener extends StageFinishedListener {

  public AnalyseStageFinishedListener(StageUpdates updates) {
    super(updates, "ANALYSE", CycleVariables.ANALYSE_REQUEST_ID);
  }
}
