package org.coproduced.commissioning.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.coproduced.commissioning.access.AccessGroups;
import org.coproduced.commissioning.experts.ContactChannel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How to reach people: experts' addresses and chosen channel from the application's tables,
 * staff addresses from the Camunda users. Read when a message is decided (which channel) and
 * again when it is sent (which address), so a change or an erasure in between is respected.
 */
@Component
public class Contacts {

  private static final String SELECT_EXPERT = """
      SELECT ref, display_name, email, contact_channel, tasklist_user, erased FROM cc_expert""";

  private final JdbcClient jdbc;
  private final IdentityService identity;
  private final SystemAccess system;

  public Contacts(JdbcClient jdbc, IdentityService identity, SystemAccess system) {
    this.jdbc = jdbc;
    this.identity = identity;
    this.system = system;
  }

  /** How to reach one expert. */
  public record ExpertContact(String ref, String name, String email, ContactChannel channel, String tasklistUser,
      boolean erased) {

    /** The expert reads email: they chose email or Tasklist, and we have an address. */
    public boolean reachableByEmail() {
      return !erased && email != null && !email.isBlank()
          && (channel == ContactChannel.EMAIL || channel == ContactChannel.TASKLIST);
    }

    /** How the expert asked to be reached, in words a coordinator uses. */
    public String channelInWords() {
      return switch (channel) {
        case POST -> "by post";
        case PHONE -> "by phone";
        case EMAIL -> "by email";
        case TASKLIST -> "in Tasklist";
      };
    }
  }

  /** A Camunda user's name and address. */
  public record UserContact(String userId, String name, String email) {}

  public Optional<ExpertContact> expert(String ref) {
    return jdbc.sql(SELECT_EXPERT + " WHERE ref = ?").param(ref).query(this::mapExpert).optional();
  }

  /** Whether the expert reads email (they chose email or Tasklist, and we have an address). */
  public boolean emailReaches(String expertRef) {
    return expert(expertRef).filter(ExpertContact::reachableByEmail).isPresent();
  }

  public Optional<ExpertContact> expertByUser(String userId) {
    return jdbc.sql(SELECT_EXPERT + " WHERE tasklist_user = ?").param(userId).query(this::mapExpert).optional();
  }

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

  private ExpertContact mapExpert(ResultSet rs, int row) throws SQLException {
    return new ExpertContact(rs.getString("ref"), rs.getString("display_name"), rs.getString("email"),
        ContactChannel.valueOf(rs.getString("contact_channel")), rs.getString("tasklist_user"),
        rs.getBoolean("erased"));
  }
}
