package org.coproduced.commissioning.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.coproduced.commissioning.CoproducedCommissioningApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** Outside the demo profile the application will not start with a password anyone could guess. */
class StartupSafetyCheckTest {

  private static final String STRONG = "correct-horse-battery-staple-42";

  @Test
  void ownStrongPasswordPasses() {
    assertThat(problems(env().withProperty(StartupSafetyCheck.ADMIN_ID, "counciladmin")
        .withProperty(StartupSafetyCheck.ADMIN_PASSWORD, STRONG))).isEmpty();
  }

  @Test
  void noAdministratorInTheConfigurationIsNoPasswordProblem() {
    assertThat(problems(env())).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo", "admin", "password", "changeme", "ChangeMe", " demo ", "counciladmin", ""})
  void guessableAdministratorPasswordIsRefused(String password) {
    assertThat(problems(env().withProperty(StartupSafetyCheck.ADMIN_ID, "counciladmin")
        .withProperty(StartupSafetyCheck.ADMIN_PASSWORD, password)))
        .singleElement().asString().contains(StartupSafetyCheck.ADMIN_PASSWORD);
  }

  @Test
  void administratorWithoutPasswordIsRefusedBecauseTheStarterWouldUseTheUserId() {
    assertThat(problems(env().withProperty(StartupSafetyCheck.ADMIN_ID, "counciladmin")))
        .singleElement().asString().contains("the password would be the user id");
  }

  @Test
  void demoPasswordLeftFromTheDemoIsRefused() {
    assertThat(problems(env().withProperty(StartupSafetyCheck.DEMO_PASSWORD, "demo")))
        .singleElement().asString().contains(StartupSafetyCheck.DEMO_PASSWORD);
  }

  @Test
  void demoUsersSwitchedOnAreRefused() {
    assertThat(problems(env().withProperty(StartupSafetyCheck.DEMO_USERS_ENABLED, "true")))
        .singleElement().asString().contains(StartupSafetyCheck.DEMO_USERS_ENABLED);
  }

  @Test
  void passwordFromTheEnvironmentVariablesIsCheckedToo() {
    MockEnvironment environment = env();
    environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("variables", Map.of(
        "CAMUNDA_BPM_ADMIN_USER_ID", "counciladmin", "CAMUNDA_BPM_ADMIN_USER_PASSWORD", "changeme")));

    assertThat(problems(environment)).singleElement().asString().contains(StartupSafetyCheck.ADMIN_PASSWORD);
  }

  @Test
  void productionWithTheDemoPasswordDoesNotStart() {
    assertThatThrownBy(() -> startProduction(
        StartupSafetyCheck.ADMIN_ID + "=counciladmin", StartupSafetyCheck.ADMIN_PASSWORD + "=demo").close())
        .hasStackTraceContaining(StartupSafetyCheck.REFUSAL)
        .hasStackTraceContaining("CAMUNDA_BPM_ADMIN_USER_PASSWORD");
  }

  @Test
  void productionWithDemoUsersSwitchedOnDoesNotStart() {
    assertThatThrownBy(() -> startProduction(StartupSafetyCheck.ADMIN_ID + "=counciladmin",
        StartupSafetyCheck.ADMIN_PASSWORD + "=" + STRONG, StartupSafetyCheck.DEMO_USERS_ENABLED + "=true").close())
        .hasStackTraceContaining(StartupSafetyCheck.REFUSAL);
  }

  @Test
  void productionWithoutAnyAdministratorDoesNotStart() {
    // Camunda Admin would otherwise let the first visitor create the administrator account.
    assertThatThrownBy(() -> startProduction().close())
        .hasStackTraceContaining(AdministratorAccountCheck.REFUSAL);
  }

  @Test
  void productionWithAStrongPasswordStartsWithTheAdministratorAndNoDemoUsers() {
    try (ConfigurableApplicationContext context = startProduction(
        StartupSafetyCheck.ADMIN_ID + "=counciladmin", StartupSafetyCheck.ADMIN_PASSWORD + "=" + STRONG)) {
      IdentityService identity = context.getBean(IdentityService.class);

      assertThat(identity.createUserQuery().list()).extracting(User::getId).containsExactly("counciladmin");
      assertThat(identity.checkPassword("counciladmin", STRONG)).isTrue();
      assertThat(identity.createUserQuery().memberOfGroup(AccessGroups.ADMINISTRATORS).count()).isEqualTo(1);
      // The groups exist in production too: the council adds its people to them in Camunda Admin.
      assertThat(identity.createGroupQuery().groupIdIn(AccessGroups.COMMISSIONERS, AccessGroups.COORDINATORS,
          AccessGroups.EXPERTS, AccessGroups.AUDITORS).count()).isEqualTo(4);
    }
  }

  private static MockEnvironment env() {
    return new MockEnvironment();
  }

  private static List<String> problems(MockEnvironment environment) {
    StartupSafetyCheck check = new StartupSafetyCheck();
    check.setEnvironment(environment);
    return check.problems();
  }

  /**
   * The whole application in a "production" profile, on a database and engine of its own. The
   * properties go in as command-line arguments: application.yaml would override default properties.
   *
   * <p>The engine name has no hyphen (the starter ignores such names and falls back to "default",
   * and closing this context would then unregister the shared test context's engine). There is
   * no web server: Camunda's webapp filters are shared by every context in the test run, and
   * closing a second web context breaks the webapps of the others.
   */
  private static ConfigurableApplicationContext startProduction(String... properties) {
    String name = "accessproduction" + UUID.randomUUID().toString().replace("-", "");
    List<String> arguments = new ArrayList<>(List.of(
        "spring.datasource.url=jdbc:h2:mem:" + name,
        "camunda.bpm.process-engine-name=" + name,
        "camunda.bpm.job-execution.enabled=false",
        "spring.main.web-application-type=none",
        // The REST API's set-up needs the web server left out here.
        "spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration"));
    arguments.addAll(List.of(properties));
    return new SpringApplicationBuilder(CoproducedCommissioningApplication.class)
        .profiles("production")
        .run(arguments.stream().map(property -> "--" + property).toArray(String[]::new));
  }
}
