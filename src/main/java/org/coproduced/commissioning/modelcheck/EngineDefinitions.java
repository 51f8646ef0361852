package org.coproduced.commissioning.modelcheck;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;

/**
 * The definitions already deployed in the engine, read inside the deploy command's own
 * transaction. A definition's model is read from its stored resource, not from the engine's
 * cache, so looking at it reloads nothing.
 */
final class EngineDefinitions implements DeployedDefinitions {

  private final CommandContext context;
  private final String tenantId;

  /** @param tenantId the deployment's tenant: a call without its own tenant resolves in it */
  EngineDefinitions(CommandContext context, String tenantId) {
    this.context = context;
    this.tenantId = tenantId;
  }

  @Override
  public int latestVersion(String key) {
    ProcessDefinitionEntity latest =
        context.getProcessDefinitionManager().findLatestProcessDefinitionByKeyAndTenantId(key, tenantId);
    return latest == null ? 0 : latest.getVersion();
  }

  @Override
  public Optional<CalledDefinition> latest(String key) {
    return Optional.ofNullable(
            context.getProcessDefinitionManager().findLatestProcessDefinitionByKeyAndTenantId(key, tenantId))
        .flatMap(this::called);
  }

  @Override
  public Optional<CalledDefinition> version(String key, int version) {
    return Optional.ofNullable(
            context.getProcessDefinitionManager().findProcessDefinitionByKeyVersionAndTenantId(key, version, tenantId))
        .flatMap(this::called);
  }

  @Override
  public List<CalledDefinition> withVersionTag(String key, String versionTag) {
    return context.getProcessDefinitionManager().findDefinitionsByKeyAndTenantId(key, tenantId, true).stream()
        .filter(definition -> versionTag.equals(definition.getVersionTag()))
        .flatMap(definition -> called(definition).stream())
        .toList();
  }

  private Optional<CalledDefinition> called(ProcessDefinition definition) {
    ResourceEntity resource = context.getResourceManager()
        .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
    if (resource == null) {
      return Optional.empty();
    }
    Process process = Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()))
        .getModelElementById(definition.getKey());
    return Optional.ofNullable(process).map(found -> new CalledDefinition(
        "version %d of '%s' (deployment %s)".formatted(definition.getVersion(), definition.getKey(),
            definition.getDeploymentId()), found, false));
  }
}
