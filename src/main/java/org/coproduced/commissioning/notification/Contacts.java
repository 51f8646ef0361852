package org.coproduced.commissioning.notification;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.coproduced.commissioning.access.AccessGroups;
import org.springframework.stereotype.Component;

/**
 * How to reach staff: names and addresses of the Camunda users, and who the coordinators are.
 * Experts are reached through {@link ExpertAddresses}, which the pool answers.
 */
@Component
public class Contacts {

  private final IdentityService identity;
  private final SystemAccess system;

  public Contacts(IdentityService identity, SystemAccess system) {
    this.identity = identity;
    this.system = system;
  }

  /** A Camunda user's name and address. */
  public record UserContact(String userId, String name, String email) {}

  public Optional<UserContact> user(String userId) {
    User user = system.withoutAuthorization(() -> identity.createUserQuery().userId(userId).singleResult());
    if (user == null) {
      return Optional.empty();
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return Optional.of(new UserContact(userId, name.isEmpty() ? userId : name, user.getEmail()));
  }

  /** The user ids of everyone in the coordinators group. */
  public List<String> coordinators() {
    return system.withoutAuthorization(() -> identity.createUserQuery().memberOfGroup(AccessGroups.COORDINATORS)
        .orderByUserId().asc().list()).stream().map(User::getId).toList();
  }
}
