package org.coproduced.commissioning.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.coproduced.commissioning.access.AccessGroups;
import org.coproduced.commissioning.web.WebUser;
import org.coproduced.commissioning.web.WebUsers;
import org.springframework.stereotype.Component;

/**
 * Lets only auditors and administrators read the audit figures, and reads the engine's history as
 * that person: the engine then applies their authorizations, so an auditor sees what Cockpit
 * would show them and nothing more.
 */
@Component
public class AuditorAccess {

  static final String[] READERS = {AccessGroups.AUDITORS, AccessGroups.ADMINISTRATORS};

  private final WebUsers users;
  private final IdentityService identity;

  public AuditorAccess(WebUsers users, IdentityService identity) {
    this.users = users;
    this.identity = identity;
  }

  /** Runs the read signed in to the engine as the person in the webapp session. */
  public <T> T read(HttpServletRequest request, Supplier<T> read) {
    WebUser user = users.current(request);
    user.requireAnyGroup(READERS);
    identity.setAuthentication(user.userId(), user.groups());
    try {
      return read.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
