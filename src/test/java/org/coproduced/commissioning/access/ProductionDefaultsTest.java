package org.coproduced.commissioning.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.coproduced.commissioning.CoproducedCommissioningApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Outside the demo profile the defaults are the safe ones: session cookies only over HTTPS, no
 * demo users or sample experts, and no expressions in stored queries.
 */
class ProductionDefaultsTest {

  private static final String ENGINE = "audit-production-" + UUID.randomUUID();
  private static ConfigurableApplicationContext context;

  @BeforeAll
  static void startWithoutTheDemoProfile() {
    context = new SpringApplicationBuilder(CoproducedCommissioningApplication.class)
        .profiles("production")
        .run("--spring.datasource.url=jdbc:h2:mem:" + ENGINE, "--camunda.bpm.process-engine-name=" + ENGINE,
            "--camunda.bpm.job-execution.enabled=false", "--server.port=0",
            "--camunda.bpm.admin-user.id=counciladmin",
            "--camunda.bpm.admin-user.password=a-long-password-of-the-councils-own-9");
  }

  @AfterAll
  static void stop() {
    context.close();
  }

  @Test
  void sessionCookiesAreOnlySentOverHttps() throws Exception {
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/camunda/app/cockpit/" + ENGINE + "/")).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    List<String> cookies = page.headers().allValues("Set-Cookie");
    String session = cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
    assertThat(session).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");
    String csrf = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
    assertThat(csrf).contains("Secure").contains("SameSite=Lax");
  }

  @Test
  void noDemoUsersNorSampleExpertsAreCreated() {
    IdentityService identity = context.getBean(IdentityService.class);
    assertThat(identity.createUserQuery().list()).extracting(user -> user.getId()).containsExactly("counciladmin");
    assertThat(context.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM cc_expert").query(Integer.class).single())
        .isZero();
  }

  @Test
  void storedQueriesMayNotHoldExpressions() {
    ProcessEngineConfigurationImpl configuration = context.getBean(ProcessEngineConfigurationImpl.class);
    assertThat(configuration.isEnableExpressionsInStoredQueries()).isFalse();
    assertThat(configuration.isEnableExpressionsInAdhocQueries()).isFalse();
    assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
    assertThat(configuration.getQueryMaxResultsLimit()).isEqualTo(2000);
  }
}
