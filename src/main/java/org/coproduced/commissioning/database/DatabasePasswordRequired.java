package org.coproduced.commissioning.database;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * The postgres profile has no default password: started without DATABASE_PASSWORD, the application
 * stops before it touches the database and says which setting is missing.
 */
@Configuration(proxyBeanMethods = false)
@Profile("postgres")
public class DatabasePasswordRequired {

  static final String PROPERTY = "spring.datasource.password";

  @Bean
  static BeanFactoryPostProcessor databasePasswordIsSet() {
    return new Check();
  }

  static final class Check implements BeanFactoryPostProcessor, EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
      this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(
        org.springframework.beans.factory.config.ConfigurableListableBeanFactory beanFactory) {
      String password = environment.getProperty(PROPERTY, "");
      if (password.isBlank()) {
        throw new InvalidConfigurationPropertyValueException(PROPERTY, "(empty)",
            "The postgres profile has no default database password. Set the environment variable "
                + "DATABASE_PASSWORD (with DATABASE_URL and DATABASE_USER) and start again.");
      }
    }
  }
}
