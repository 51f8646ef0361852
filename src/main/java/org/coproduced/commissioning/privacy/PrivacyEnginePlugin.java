package org.coproduced.commissioning.privacy;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
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
    List<BpmnParseListener> parseListeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      parseListeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    parseListeners.add(new PersonalFieldRemover());
    configuration.setCustomPostBPMNParseListeners(parseListeners);
  }
}
