package org.coproduced.commissioning.demo;

import static org.coproduced.commissioning.access.AccessGroups.ADMINISTRATORS;
import static org.coproduced.commissioning.access.AccessGroups.AUDITORS;
import static org.coproduced.commissioning.access.AccessGroups.COMMISSIONERS;
import static org.coproduced.commissioning.access.AccessGroups.COORDINATORS;
import static org.coproduced.commissioning.access.AccessGroups.EXPERTS;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.coproduced.commissioning.access.GroupAuthorizations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Sign-ins for trying the application: one person per role, all with the demo password. Experts
 * appear as "Expert One" to "Expert Six" because the engine's identity tables end up in logs,
 * history and every Tasklist screen, while experts' real names belong only in the application's
 * own tables. Users that already exist are left as they are.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "coproduction.demo.users-enabled", havingValue = "true")
public class DemoUsers {

  /** A demo sign-in and the one group it works in. */
  public record DemoUser(String id, String firstName, String lastName, String groupId) {

    public String email() {
      return id + "@example.org";
    }
  }

  public static final List<DemoUser> USERS = List.of(
      new DemoUser("commissioner", "Sam", "Okafor", COMMISSIONERS),
      new DemoUser("commissioner2", "Priya", "Shah", COMMISSIONERS),
      new DemoUser("coordinator", "Jo", "Bennett", COORDINATORS),
      new DemoUser("expert1", "Expert", "One", EXPERTS),
      new DemoUser("expert2", "Expert", "Two", EXPERTS),
      new DemoUser("expert3", "Expert", "Three", EXPERTS),
      new DemoUser("expert4", "Expert", "Four", EXPERTS),
      new DemoUser("expert5", "Expert", "Five", EXPERTS),
      new DemoUser("expert6", "Expert", "Six", EXPERTS),
      new DemoUser("auditor", "Alex", "Morgan", AUDITORS),
      new DemoUser("admin", "Admin", "User", ADMINISTRATORS));

  private final IdentityService identity;
  private final String password;

  public DemoUsers(IdentityService identity, @Value("${coproduction.demo.password:}") String password) {
    if (password.isBlank()) {
      throw new IllegalStateException(
          "coproduction.demo.users-enabled is true but coproduction.demo.password is not set");
    }
    this.identity = identity;
    this.password = password;
  }

  /** Runs after the groups exist, because a membership needs its group. */
  @EventListener(ApplicationReadyEvent.class)
  @Order(GroupAuthorizations.ORDER + 1)
  public void createMissing() {
    for (DemoUser demoUser : USERS) {
      if (identity.createUserQuery().userId(demoUser.id()).count() > 0) {
        continue;
      }
      User user = identity.newUser(demoUser.id());
      user.setFirstName(demoUser.firstName());
      user.setLastName(demoUser.lastName());
      user.setEmail(demoUser.email());
      user.setPassword(password);
      identity.saveUser(user);
      identity.createMembership(demoUser.id(), demoUser.groupId());
    }
  }
}
