package org.coproduced.commissioning.access;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Refuses to start outside the demo profile while nobody is an administrator. Camunda Admin then
 * offers a page that lets whoever opens it first create the administrator account; this check
 * runs before the web server accepts requests, so that page is never reachable.
 */
@Component
@Profile("!demo")
public class AdministratorAccountCheck implements SmartInitializingSingleton {

  public static final String REFUSAL = "Refusing to start: there is no administrator";

  private final IdentityService identity;

  public AdministratorAccountCheck(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public void afterSingletonsInstantiated() {
    // A read-only directory (LDAP) manages administrators itself and Admin offers no setup page.
    if (identity.isReadOnly()) {
      return;
    }
    if (identity.createUserQuery().memberOfGroup(AccessGroups.ADMINISTRATORS).count() == 0) {
      throw new IllegalStateException(REFUSAL + " (no user in the group " + AccessGroups.ADMINISTRATORS
          + "). Set CAMUNDA_BPM_ADMIN_USER_ID and CAMUNDA_BPM_ADMIN_USER_PASSWORD for the first start; "
          + "the administrator is created once and the variables can be removed afterwards.");
    }
  }
}
