package org.coproduced.commissioning.support;

import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The bare in-memory engine of the model tests (model-tests.camunda.cfg.xml), built once per JVM;
 * camunda-bpm-assert points at it during each test, and the test's mocked beans are forgotten
 * after it, as are its deployments.
 */
public class ModelEngine extends ProcessEngineExtension {

  public ModelEngine() {
    configurationResource("model-tests.camunda.cfg.xml");
  }

  @Override
  public void beforeTestExecution(ExtensionContext context) {
    super.beforeTestExecution(context);
    AbstractAssertions.init(getProcessEngine());
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    try {
      super.afterTestExecution(context);
    } finally {
      AbstractAssertions.reset();
      Mocks.reset();
    }
  }
}
