package org.coproduced.barecamunda;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A bare Camunda 7 starter application: Spring Boot's auto-configuration of the engine, the
 * webapps and the REST API, and nothing of its own. The benchmark starts it to compare the
 * application's cold start, memory and Tasklist with what Camunda alone costs.
 */
@SpringBootApplication
public class BareCamundaApplication {

  public static void main(String[] args) {
    SpringApplication.run(BareCamundaApplication.class, args);
  }
}
