package org.coproduced.commissioning.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start outside the demo profile with a password anyone could guess or with the demo
 * users switched on. It runs before any bean is created, so the engine never stores an
 * administrator with a weak password and the database is not touched.
 */
@Component
@Profile("!demo")
public class StartupSafetyCheck implements BeanFactoryPostProcessor, EnvironmentAware {

  public static final String REFUSAL = "Refusing to start outside the demo profile";

  static final String ADMIN_ID = "camunda.bpm.admin-user.id";
  static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";
  static final String DEMO_PASSWORD = "coproduction.demo.password";
  static final String DEMO_USERS_ENABLED = "coproduction.demo.users-enabled";

  /** Passwords published in this project's README or the Camunda documentation. */
  static final Set<String> KNOWN_DEFAULTS = Set.of("demo", "admin", "password", "changeme");

  private Environment environment;

  /**
   * Not constructor injection: post-processors of the bean factory are created before Spring can
   * autowire constructors, so the environment arrives through {@link EnvironmentAware}.
   */
  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    List<String> problems = problems();
    if (!problems.isEmpty()) {
      throw new IllegalStateException(REFUSAL + ": " + String.join("; ", problems)
          + ". Set the first administrator with the environment variables CAMUNDA_BPM_ADMIN_USER_ID and "
          + "CAMUNDA_BPM_ADMIN_USER_PASSWORD (a long password of your own), or run the demo profile.");
    }
  }

  List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (environment.getProperty(DEMO_USERS_ENABLED, Boolean.class, false)) {
      problems.add(DEMO_USERS_ENABLED + " is true, but the demo users share a published password");
    }
    String adminId = environment.getProperty(ADMIN_ID);
    String adminPassword = environment.getProperty(ADMIN_PASSWORD);
    if (adminId != null && adminPassword == null) {
      // The starter then quietly uses the user id as the password.
      problems.add(ADMIN_ID + " is set without " + ADMIN_PASSWORD + ", so the password would be the user id");
    } else if (adminPassword != null && isGuessable(adminPassword, adminId)) {
      problems.add(ADMIN_PASSWORD + " is empty, a well-known default or the same as the user id");
    }
    String demoPassword = environment.getProperty(DEMO_PASSWORD);
    if (demoPassword != null && !demoPassword.isEmpty() && isGuessable(demoPassword, null)) {
      problems.add(DEMO_PASSWORD + " is a well-known default");
    }
    return problems;
  }

  private static boolean isGuessable(String password, String userId) {
    String trimmed = password.trim();
    return trimmed.isEmpty()
        || KNOWN_DEFAULTS.contains(trimmed.toLowerCase(Locale.ROOT))
        || trimmed.equalsIgnoreCase(userId);
  }
}
