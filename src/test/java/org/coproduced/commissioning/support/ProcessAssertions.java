package org.coproduced.commissioning.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/** Points camunda-bpm-assert at the Spring context's engine before each test. */
public class ProcessAssertions implements BeforeEachCallback {

  @Override
  public void beforeEach(ExtensionContext context) {
    AbstractAssertions.init(SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class));
  }
}
