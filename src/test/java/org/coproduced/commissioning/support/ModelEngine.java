package org.coproduced.commissioning.support;

import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The bare in-memory engine of the model tests (model-tests.camunda.cfg.xml), built once per JVM.
 * It shares the JVM with the Spring tests' engine, so it stays out of the engines registry (the
 * REST API lists that registry, and camunda-bpm-assert looks there for "the" engine), and
 * camunda-bpm-assert points at it only from before a test's set-up to after its clean-up. The
 * test's mocked beans and deployments are forgotten after it.
 */
public class ModelEngine extends ProcessEngineExtension implements BeforeEachCallback, AfterEachCallback {

  public ModelEngine() {
    configurationResource("model-tests.camunda.cfg.xml");
  }

  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
    super.postProcessTestInstance(testInstance, context);
    ProcessEngines.unregister(getProcessEngine());
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    AbstractAssertions.init(getProcessEngine());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    AbstractAssertions.reset();
    Mocks.reset();
  }
}
