package org.coproduced.commissioning.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Adds the application's parse listeners to the engine's configuration. A listener added at
 * parse time reaches every version of a model, those deployed years ago included, because the
 * engine parses each version again when it first needs it: that is how a change reaches cycles
 * that started on older models without migrating them.
 */
public final class ParseListeners {

  private ParseListeners() {}

  /** Runs {@code listener} after the engine's own parsing, beside any other plugin's listeners. */
  public static void addAfterTheEngines(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    listeners.add(listener);
    configuration.setCustomPostBPMNParseListeners(listeners);
  }
}
