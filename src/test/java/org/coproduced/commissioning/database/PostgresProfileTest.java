package org.coproduced.commissioning.database;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.coproduced.commissioning.CoproducedCommissioningApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/** The postgres profile takes its settings from the environment and has no default password. */
class PostgresProfileTest {

  @Test
  void refusesToStartWithoutADatabasePassword() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(CoproducedCommissioningApplication.class)
        .run("--spring.profiles.active=postgres", "--spring.profiles.include=", "--server.port=0",
            "--spring.jmx.enabled=false"))
        .isInstanceOf(InvalidConfigurationPropertyValueException.class)
        .hasMessageContaining("no default database password").hasMessageContaining("DATABASE_PASSWORD");
  }
}
