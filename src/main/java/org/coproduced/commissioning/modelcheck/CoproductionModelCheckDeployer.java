package org.coproduced.commissioning.modelcheck;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.ModelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the coproduction model check on every BPMN resource of a new deployment, before the
 * engine's own BPMN deployer. Gate and feedback calls are followed to what their bindings resolve
 * to: this deployment's models, or what the engine already holds. Throwing here aborts the deploy command, so its transaction rolls
 * back: a refused deployment leaves no deployment, resource or process definition behind.
 */
final class CoproductionModelCheckDeployer implements Deployer {

  private static final Logger LOG = LoggerFactory.getLogger(CoproductionModelCheckDeployer.class);

  private final CoproductionModelChecker checker;

  CoproductionModelCheckDeployer(CoproductionModelChecker checker) {
    this.checker = checker;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    // Deployers also run when the engine reloads an old deployment into its cache (restart,
    // cache eviction). That model was accepted when it was deployed; refusing it now would
    // strand its running instances, so only new deployments are checked.
    Map<String, ResourceEntity> resources = deployment.getResources();
    if (!deployment.isNew() || resources == null) {
      return;
    }
    Map<String, BpmnModelInstance> models = new LinkedHashMap<>();
    for (ResourceEntity resource : resources.values()) {
      if (isBpmn(resource.getName())) {
        read(resource).ifPresent(model -> models.put(resource.getName(), model));
      }
    }
    // Gates and feedback calls resolve among this deployment's models and what is deployed.
    CalledProcesses called = new CalledProcesses(models.values(),
        new EngineDefinitions(Context.getCommandContext(), deployment.getTenantId()));
    List<CoproductionViolation> violations = new ArrayList<>();
    models.forEach((name, model) -> {
      List<CoproductionViolation> found = checker.check(model, called);
      if (found.isEmpty() && CoproductionModelChecker.checksAnything(model)) {
        LOG.info("Coproduction model check passed for '{}'", name);
      }
      violations.addAll(found);
    });
    if (!violations.isEmpty()) {
      throw new CoproductionModelException(violations);
    }
  }

  private static Optional<BpmnModelInstance> read(ResourceEntity resource) {
    try {
      return Optional.of(Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes())));
    } catch (ModelException e) {
      if (mentionsCycle(resource)) {
        // The check must not be skipped just because it cannot read what claims to be a cycle.
        throw new ProcessEngineException(
            "Deployment refused: resource '%s' is marked '%s' but the coproduction model check"
                    .formatted(resource.getName(), CoproductionMarkers.CYCLE)
                + " cannot read it: "
                + e.getMessage(),
            e);
      }
      return Optional.empty(); // not a cycle: the engine's own parser reports what is wrong with it
    }
  }

  private static boolean isBpmn(String resourceName) {
    return resourceName != null
        && Arrays.stream(BpmnDeployer.BPMN_RESOURCE_SUFFIXES).anyMatch(resourceName::endsWith);
  }

  private static boolean mentionsCycle(ResourceEntity resource) {
    return new String(resource.getBytes(), StandardCharsets.UTF_8)
        .contains(CoproductionMarkers.CYCLE);
  }
}
