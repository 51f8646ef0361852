package org.coproduced.commissioning.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.coproduced.commissioning.CoproducedCommissioningApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Outside the demo profile the defaults are the safe ones: session cookies only over HTTPS, no
 * demo users or sample experts, no expressions in ad-hoc queries, no Java serialization.
 *
 * <p>The application runs here without its web server: Camunda's webapp filters are shared by
 * every application context in a test run, and closing a second web context would break the
 * webapps of the contexts the other tests use. The cookies themselves are tried over HTTP in
 * {@link WebHardeningTest}.
 */
class ProductionDefaultsTest {

  /**
   * An engine name of its own, or closing this context would unregister the other test contexts'
   * "default" engine. The starter ignores names with a hyphen, so none here.
   */
  private static final String ENGINE = "production" + UUID.randomUUID().toString().replace("-", "");
  private static ConfigurableApplicationContext context;

  @BeforeAll
  static void startWithoutTheDemoProfile() {
    context = new SpringApplicationBuilder(CoproducedCommissioningApplication.class)
        .profiles("production")
        .web(WebApplicationType.NONE)
        .run("--spring.datasource.url=jdbc:h2:mem:" + ENGINE, "--camunda.bpm.process-engine-name=" + ENGINE,
            "--camunda.bpm.job-execution.enabled=false",
            // The REST API's set-up needs the web server this test leaves out.
            "--spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
            "--camunda.bpm.admin-user.id=counciladmin",
            "--camunda.bpm.admin-user.password=a-long-password-of-the-councils-own-9");
  }

  @AfterAll
  static void stop() {
    context.close();
  }

  @Test
  void runsOnAnEngineOfItsOwn() {
    assertThat(context.getBean(ProcessEngine.class).getName()).isEqualTo(ENGINE);
  }

  @Test
  void sessionCookiesAreOnlySentOverHttps() {
    Environment environment = context.getEnvironment();
    assertThat(environment.getProperty("coproduction.security.secure-cookies", Boolean.class)).isTrue();
    assertThat(environment.getProperty("server.servlet.session.cookie.secure", Boolean.class)).isTrue();
    assertThat(environment.getProperty("server.servlet.session.cookie.http-only", Boolean.class)).isTrue();
    assertThat(environment.getProperty("server.servlet.session.cookie.same-site")).isEqualTo("lax");
    CamundaBpmProperties camunda = context.getBean(CamundaBpmProperties.class);
    assertThat(camunda.getWebapp().getSessionCookie().isEnableSecureCookie()).isTrue();
    assertThat(camunda.getWebapp().getSessionCookie().isEnableSameSiteCookie()).isTrue();
    assertThat(camunda.getWebapp().getCsrf().isEnableSecureCookie()).isTrue();
    assertThat(camunda.getWebapp().getCsrf().isEnableSameSiteCookie()).isTrue();
  }

  @Test
  void noDemoUsersNorSampleExpertsAreCreated() {
    IdentityService identity = context.getBean(IdentityService.class);
    assertThat(identity.createUserQuery().list()).extracting(user -> user.getId()).containsExactly("counciladmin");
    assertThat(context.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM cc_expert").query(Integer.class).single())
        .isZero();
  }

  @Test
  void engineRefusesExpressionsInAdHocQueriesAndJavaSerialization() {
    ProcessEngineConfigurationImpl configuration = context.getBean(ProcessEngineConfigurationImpl.class);
    // Stored queries (Tasklist filters, which only administrators may change) may use
    // ${currentUser()}; queries sent with a request may not.
    assertThat(configuration.isEnableExpressionsInAdhocQueries()).isFalse();
    assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
    assertThat(configuration.getQueryMaxResultsLimit()).isEqualTo(2000);
  }
}
