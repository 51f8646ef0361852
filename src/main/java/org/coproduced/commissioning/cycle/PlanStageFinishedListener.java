package org.coproduced.commissioning.cycle;

import org.coproduced.commissioning.modelcheck.Stage;
import org.springframework.stereotype.Component;

/** The PLAN stage (designing the service) is done: everyone who contributed hears where things are now. */
@Component
public class PlanStageFinishedListener extends StageFinishedListener {

  public PlanStageFinishedListener(StageUpdates updates) {
    super(updates, Stage.PLAN, CycleVariables.PLAN_REQUEST_ID);
  }
}
