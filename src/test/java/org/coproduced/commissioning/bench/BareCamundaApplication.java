package org.coproduced.commissioning.bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;

/**
 * A bare Camunda starter application for comparing cold start and memory: the same jar and
 * libraries as the application, but none of its beans, configuration, models or tables: just
 * Spring Boot's auto-configuration (Camunda engine, webapps and REST API on in-memory H2). It is
 * deliberately not a {@code @Configuration}, so that the application's component scan of the test
 * classes never picks it up. {@link ColdStart} starts it from the packaged jar with
 * {@code PropertiesLauncher}.
 */
@EnableAutoConfiguration(exclude = FlywayAutoConfiguration.class)
public class BareCamundaApplication {

  public static void main(String[] args) {
    SpringApplication.run(BareCamundaApplication.class, args);
  }
}
