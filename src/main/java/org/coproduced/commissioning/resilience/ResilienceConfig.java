package org.coproduced.commissioning.resilience;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.session.web.http.SessionRepositoryFilter;

/** Clear answers to people when a submission collides with someone else's. */
@Configuration
public class ResilienceConfig {

  @Bean
  FilterRegistrationBean<TaskCompletionConflictFilter> taskCompletionConflictFilter(ProcessEngine engine) {
    FilterRegistrationBean<TaskCompletionConflictFilter> registration =
        new FilterRegistrationBean<>(new TaskCompletionConflictFilter(engine));
    registration.setName("taskCompletionConflicts");
    // Tasklist's API (/camunda/api/engine/...) and the engine REST API; the filter looks only at task
    // form submissions and completions.
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
    return registration;
  }

  @Bean
  FilterRegistrationBean<SignInStoreUnavailableFilter> signInStoreUnavailableFilter() {
    FilterRegistrationBean<SignInStoreUnavailableFilter> registration =
        new FilterRegistrationBean<>(new SignInStoreUnavailableFilter());
    registration.setName("signInStoreUnavailable");
    registration.addUrlPatterns("/*");
    // Just outside the filter that reads sign-ins from the database.
    registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
    return registration;
  }
}
