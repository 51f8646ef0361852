package org.coproduced.commissioning.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Deployments a test makes on top of the application's own, for example a previous version of a
 * model and then the current ones (as an upgrade does), removed again when the test is done.
 */
public final class TestDeployments {

  private final ProcessEngine engine;
  private final List<String> ids = new ArrayList<>();

  public TestDeployments(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Deploys the class path resources matching the patterns (e.g. {@code forms/*.form}); returns the deployment id. */
  public String deploy(String name, String... patterns) {
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name(name);
    try {
      for (String pattern : patterns) {
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:" + pattern)) {
          try (InputStream in = resource.getInputStream()) {
            deployment.addInputStream(pattern.substring(0, pattern.lastIndexOf('/') + 1) + resource.getFilename(), in);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String id = deployment.deploy().getId();
    ids.add(id);
    return id;
  }

  /** Removes every deployment this made, with its instances. */
  public void removeAll() {
    engine.getIdentityService().setAuthentication("admin", List.of("camunda-admin"));
    try {
      ids.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
      ids.clear();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
