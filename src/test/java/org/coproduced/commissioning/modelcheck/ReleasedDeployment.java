package org.coproduced.commissioning.modelcheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * An upgrade, replayed in the test's engine: the previous release's models and forms deployed as
 * that release's application deployed them, then the current ones on top, as the new application
 * does when it starts. Instances started on the old version keep it; {@code latest} call
 * activities then run the current models. {@link #remove()} takes both away again, so other tests
 * see only the application's own deployment.
 */
public final class ReleasedDeployment {

  static final String RELEASE = "released/0.1.0/";

  private final ProcessEngine engine;
  private String released;
  private String current;

  public ReleasedDeployment(ProcessEngine engine) {
    this.engine = engine;
  }

  public void deploy() {
    deployReleased();
    deployCurrent();
  }

  /** What the previous release's application deployed when it started. */
  void deployReleased() {
    released = deploy("0.1.0, as released", RELEASE, RELEASE + "processes/*.bpmn", RELEASE + "processes/*.dmn",
        RELEASE + "forms/*.form");
  }

  /** What the current application deploys when it starts, on top of whatever is there. */
  void deployCurrent() {
    // The same patterns as camunda.bpm.deployment-resource-pattern in application.yaml.
    current = deploy("current, on top of 0.1.0", "", "processes/*.bpmn", "processes/*.dmn", "forms/*.form");
  }

  /** Whether a process definition is one of the previous release's. */
  public boolean isReleased(String processDefinitionId) {
    return released != null && released.equals(engine.getRepositoryService().getProcessDefinition(processDefinitionId)
        .getDeploymentId());
  }

  public String releasedDefinition(String key) {
    return engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(released)
        .processDefinitionKey(key).singleResult().getId();
  }

  Set<String> currentDefinitions() {
    return engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(current).list().stream()
        .map(ProcessDefinition::getId).collect(Collectors.toSet());
  }

  Set<String> deploymentIds() {
    return Set.of(released, current);
  }

  /** Deletes both deployments; an instance a failed test left running is deleted as an administrator would. */
  public void remove() {
    for (String deployment : new String[] {released, current}) {
      if (deployment == null) {
        continue;
      }
      List<String> running = engine.getRuntimeService().createProcessInstanceQuery().deploymentId(deployment)
          .list().stream().map(ProcessInstance::getId).toList();
      if (!running.isEmpty()) {
        engine.getIdentityService().setAuthentication("admin", List.of("camunda-admin"));
        try {
          engine.getRuntimeService().deleteProcessInstances(running, "Test of the released models is over", true, true);
        } finally {
          engine.getIdentityService().clearAuthentication();
        }
      }
      engine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }

  private String deploy(String name, String prefix, String... patterns) {
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name(name);
    try {
      for (String pattern : patterns) {
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:" + pattern)) {
          String folder = pattern.substring(prefix.length(), pattern.lastIndexOf('/') + 1);
          try (InputStream in = resource.getInputStream()) {
            deployment.addInputStream(prefix + folder + resource.getFilename(), in);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return deployment.deploy().getId();
  }
}
