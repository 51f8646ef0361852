package org.coproduced.commissioning.privacy;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.springframework.stereotype.Component;

/** Installs {@link PrivateVariableHistoryFilter} in front of the engine's history writer. */
@Component
public class PrivacyEnginePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new PrivateVariableHistoryFilter(new DbHistoryEventHandler()));
  }
}
