package org.coproduced.commissioning.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.coproduced.commissioning.access.AccessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo profile signs people in as each role, with the demo password. */
@AccessTest
class DemoUsersTest {

  @Autowired IdentityService identity;
  @Autowired DemoUsers demoUsers;

  @Test
  void everyRoleHasASignInWithTheDemoPassword() {
    assertThat(user("commissioner")).extracting(User::getFirstName, User::getLastName, User::getEmail)
        .containsExactly("Sam", "Okafor", "commissioner@example.org");
    assertThat(user("commissioner2").getLastName()).isEqualTo("Shah");
    assertThat(user("coordinator").getLastName()).isEqualTo("Bennett");
    assertThat(user("auditor").getLastName()).isEqualTo("Morgan");
    assertThat(groupsOf("commissioner")).containsExactly("commissioners");
    assertThat(groupsOf("coordinator")).containsExactly("coordinators");
    assertThat(groupsOf("auditor")).containsExactly("auditors");
    assertThat(groupsOf("admin")).containsExactly("camunda-admin");
    for (DemoUsers.DemoUser demoUser : DemoUsers.USERS) {
      assertThat(identity.checkPassword(demoUser.id(), "demo")).as(demoUser.id()).isTrue();
      assertThat(user(demoUser.id()).getEmail()).endsWith("@example.org");
    }
  }

  @Test
  void expertsAppearUnderPseudonymsOnly() {
    List<String> names = List.of("One", "Two", "Three", "Four", "Five", "Six");
    for (int i = 1; i <= 6; i++) {
      User expert = user("expert" + i);
      assertThat(expert.getFirstName()).isEqualTo("Expert");
      assertThat(expert.getLastName()).isEqualTo(names.get(i - 1));
      assertThat(expert.getEmail()).isEqualTo("expert" + i + "@example.org");
      assertThat(groupsOf("expert" + i)).containsExactly("experts");
    }
  }

  @Test
  void existingUsersAreLeftAsTheyAre() {
    User expert = user("expert4");
    expert.setLastName("Renamed by an administrator");
    identity.saveUser(expert);
    long users = identity.createUserQuery().count();
    try {
      demoUsers.createMissing();

      assertThat(identity.createUserQuery().count()).isEqualTo(users);
      assertThat(user("expert4").getLastName()).isEqualTo("Renamed by an administrator");
    } finally {
      expert.setLastName("Four");
      identity.saveUser(expert);
    }
  }

  private User user(String id) {
    User user = identity.createUserQuery().userId(id).singleResult();
    assertThat(user).as(id).isNotNull();
    return user;
  }

  private List<String> groupsOf(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }
}
