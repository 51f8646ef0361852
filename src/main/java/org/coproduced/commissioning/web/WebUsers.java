package org.coproduced.commissioning.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Component;

/**
 * Finds who is signed in: the application's pages share the session of the Camunda webapps, so
 * people sign in once, in Tasklist or Cockpit, with the same users and groups.
 */
@Component
public class WebUsers {

  private final ProcessEngine engine;

  public WebUsers(ProcessEngine engine) {
    this.engine = engine;
  }

  public WebUser current(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      throw PageException.notSignedIn();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      throw PageException.notSignedIn();
    }
    UserAuthentication authentication = (UserAuthentication) authentications.getAuthenticationForProcessEngine(engine.getName());
    if (authentication == null) {
      throw PageException.notSignedIn();
    }
    List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    return new WebUser(authentication.getIdentityId(), groups);
  }
}
