package org.coproduced.commissioning.database;

import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Sign-ins are kept in the database (Spring Session JDBC, configured under {@code spring.session}
 * and {@code server.servlet.session}); this makes the store write only what a request changed
 * (see {@link WrittenWhenChangedSessions}). The store itself stays Spring Boot's, with its
 * settings and its clean-up of expired sign-ins.
 */
@Configuration(proxyBeanMethods = false)
public class SignInWrites {

  static final String PRECISION = "coproduction.sign-ins.last-access-precision";

  @Bean
  static BeanPostProcessor signInsWrittenWhenChanged(Environment environment) {
    return new BeanPostProcessor() {
      @Override
      @SuppressWarnings("unchecked")
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof JdbcIndexedSessionRepository store)) {
          return bean;
        }
        Duration precision = environment.getProperty(PRECISION, Duration.class, Duration.ofMinutes(1));
        if (precision.isNegative()) {
          throw new IllegalArgumentException(PRECISION + " must not be negative, but is " + precision);
        }
        return new WrittenWhenChangedSessions<>((FindByIndexNameSessionRepository<?>) store, precision);
      }
    };
  }
}
