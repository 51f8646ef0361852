package org.coproduced.commissioning.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One process model on a bare in-memory engine ({@link ModelEngine}), its beans mocked
 * ({@link ModelBeans}), no Spring context: the fast test of each path through a process. Name the
 * model with camunda's {@code @Deployment(resources = ...)}; jobs and timers run only when the test
 * executes them ({@code execute(job())}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ModelEngine.class)
public @interface ModelTest {}
