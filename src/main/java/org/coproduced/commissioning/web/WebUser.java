package org.coproduced.commissioning.web;

import java.util.List;

/** The person signed in to the Camunda webapps, as seen by the application's own pages. */
public record WebUser(String userId, List<String> groups) {

  public boolean isIn(String... anyOf) {
    for (String group : anyOf) {
      if (groups.contains(group)) {
        return true;
      }
    }
    return false;
  }

  /** Throws {@link PageException#forbidden()} unless the user is in one of the groups. */
  public void requireAnyGroup(String... anyOf) {
    if (!isIn(anyOf)) {
      throw PageException.forbidden();
    }
  }
}
