package org.coproduced.commissioning.decisions;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Gives the engine's decision tables {@link CachingFeelEngine}. The engine adds its own parts
 * (history, custom functions) to this configuration when it builds its decision engine.
 */
@Component
public class CachingFeelEnginePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    // Built when the decision engine is, after the engine has handed over its custom functions.
    dmn.setFeelEngineFactory(() -> new CachingFeelEngine(dmn.getFeelCustomFunctionProviders()));
    configuration.setDmnEngineConfiguration(dmn);
  }
}
