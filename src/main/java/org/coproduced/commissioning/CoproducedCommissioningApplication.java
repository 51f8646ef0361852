package org.coproduced.commissioning;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Runs commissioning cycles with experts by experience on an embedded Camunda 7 engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CoproducedCommissioningApplication {

  public static void main(String[] args) {
    SpringApplication.run(CoproducedCommissioningApplication.class, args);
  }
}
