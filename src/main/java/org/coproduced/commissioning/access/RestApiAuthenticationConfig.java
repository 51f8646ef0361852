package org.coproduced.commissioning.access;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Requires HTTP Basic authentication on the engine REST API. The starter leaves the API open and
 * no property closes it. The Camunda webapps are not affected: they call their own API under
 * {@code /camunda/api/} with the session of the person signed in.
 */
@Configuration
public class RestApiAuthenticationConfig {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> restApiAuthenticationFilter(
      @Value("${spring.jersey.application-path:/engine-rest}") String restPath) {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engineRestAuthentication");
    // Follows the REST API if someone moves it: a filter left on the old path would open it.
    registration.addUrlPatterns(urlPattern(restPath));
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    return registration;
  }

  static String urlPattern(String restPath) {
    String path = restPath.startsWith("/") ? restPath : "/" + restPath;
    path = path.endsWith("/*") ? path.substring(0, path.length() - 2) : path;
    path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return path + "/*";
  }
}
