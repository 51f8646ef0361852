package org.coproduced.commissioning.involvement.invitation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * An invitation with its session, as the invitation message and the answer page show it. Only
 * involvement's own tables; the cycle and the expert are asked for the rest.
 */
@Repository
public class InvitationFacts {

  /** An invitation with its session. */
  public record Facts(long id, InvitationStatus status, boolean buddy, Instant invitedAt, long expertId, String stage,
      String whatIsAsked, String whyAsked, String involvementKind, LocalDate sessionDate, String sessionTime,
      int durationHours, String sessionFormat, String venueAndAccess, String whoWillAttend, long cycleId,
      String processInstanceId) {

    public boolean open() {
      return status == InvitationStatus.INVITED;
    }
  }

  private final JdbcClient jdbc;

  public InvitationFacts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Facts> find(long invitationId) {
    return jdbc.sql("""
            SELECT i.id, i.status, i.buddy, i.invited_at, i.expert_id, r.stage, r.what_is_asked, r.why_asked,
              r.involvement_kind, r.session_date, r.session_time, r.duration_hours, r.session_format,
              r.venue_and_access, r.who_will_attend, r.cycle_id, r.process_instance_id
            FROM cc_invitation i JOIN cc_involvement_request r ON r.id = i.request_id
            WHERE i.id = ?""")
        .param(invitationId)
        .query((rs, n) -> new Facts(rs.getLong(1), InvitationStatus.valueOf(rs.getString(2)), rs.getBoolean(3),
            rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getLong(5), rs.getString(6),
            rs.getString(7), rs.getString(8), rs.getString(9), rs.getObject(10, LocalDate.class), rs.getString(11),
            rs.getInt(12), rs.getString(13), rs.getString(14), rs.getString(15), rs.getLong(16), rs.getString(17)))
        .optional();
  }
}
