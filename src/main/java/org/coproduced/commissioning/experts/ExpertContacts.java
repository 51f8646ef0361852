package org.coproduced.commissioning.experts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.coproduced.commissioning.notification.ExpertAddresses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How to reach an expert: their name, address and chosen channel from the pool. Read when a
 * message is decided (which channel) and again when it is sent (which address), so a change or an
 * erasure in between is respected.
 */
@Component
public class ExpertContacts implements ExpertAddresses {

  private static final String SELECT_EXPERT = """
      SELECT ref, display_name, email, contact_channel, tasklist_user, erased FROM cc_expert""";

  private final JdbcClient jdbc;

  public ExpertContacts(JdbcClient jdbc) {
    this.jdbc = jdbc;
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

  /** A person a coordinator needs to reach, as a coordinator's message lists them. */
  public record PersonToReach(String ref, String name, String channel) {}

  /** The people behind comma-separated refs, in that order; an unknown ref is listed by itself. */
  public List<PersonToReach> toReach(String commaSeparatedRefs) {
    List<PersonToReach> people = new ArrayList<>();
    for (String ref : (commaSeparatedRefs == null ? "" : commaSeparatedRefs).split(",")) {
      if (!ref.isBlank()) {
        people.add(expert(ref.trim())
            .map(e -> new PersonToReach(e.ref(), e.name(), e.channelInWords()))
            .orElse(new PersonToReach(ref.trim(), null, null)));
      }
    }
    return people;
  }

  @Override
  public Optional<ExpertAddress> emailOf(String expertRef) {
    return expert(expertRef).filter(ExpertContact::reachableByEmail)
        .map(e -> new ExpertAddress(e.name(), e.email(), e.tasklistUser() != null && e.channel() == ContactChannel.TASKLIST));
  }

  private ExpertContact mapExpert(ResultSet rs, int row) throws SQLException {
    return new ExpertContact(rs.getString("ref"), rs.getString("display_name"), rs.getString("email"),
        ContactChannel.valueOf(rs.getString("contact_channel")), rs.getString("tasklist_user"),
        rs.getBoolean("erased"));
  }
}
