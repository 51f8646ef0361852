package org.coproduced.commissioning.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Points camunda-bpm-assert at the Spring context's engine before each test, and keeps that
 * context for {@link CycleDriver}, which does on pages what a person does beside their tasks.
 */
public class ProcessAssertions implements BeforeEachCallback {

  private static volatile ApplicationContext current;

  @Override
  public void beforeEach(ExtensionContext context) {
    current = SpringExtension.getApplicationContext(context);
    AbstractAssertions.init(current.getBean(ProcessEngine.class));
  }

  /** A bean of the application the current test runs. */
  static <T> T bean(Class<T> type) {
    if (current == null) {
      throw new IllegalStateException("No application: this needs an @ApplicationTest");
    }
    return current.getBean(type);
  }
}
