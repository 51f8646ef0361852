package org.coproduced.commissioning.privacy;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.coproduced.commissioning.engine.ParseListeners;
import org.springframework.stereotype.Component;

/**
 * Installs {@link PrivateVariableHistoryFilter} in front of the engine's history writer, and
 * {@link PersonalFieldRemover} on every user task.
 */
@Component
public class PrivacyEnginePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new PrivateVariableHistoryFilter(new DbHistoryEventHandler()));
    ParseListeners.addAfterTheEngines(configuration, new PersonalFieldRemover());
  }
}
