package org.coproduced.commissioning.modelcheck;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.stereotype.Component;

/**
 * Makes the process engine refuse any deployment of a commissioning-cycle model
 * ({@code coproduction:cycle=true}) that lets a path skip a stage's expert gate before the
 * stage's decisions, or end without feedback. The refusal is a {@link
 * CoproductionModelException} naming each offending path; nothing of the deployment is kept.
 *
 * <p>The Camunda Spring Boot starter registers every {@code ProcessEnginePlugin} bean, so this
 * component is active in the application; outside Spring, add it to the configuration's
 * process engine plugins.
 */
@Component
public class CoproductionModelCheckPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // Pre-deployers run before the BPMN deployer, inside the deploy command's transaction.
    List<Deployer> preDeployers = configuration.getCustomPreDeployers();
    if (preDeployers == null) {
      preDeployers = new ArrayList<>();
      configuration.setCustomPreDeployers(preDeployers);
    }
    preDeployers.add(new CoproductionModelCheckDeployer(new CoproductionModelChecker()));
  }
}
