package org.coproduced.commissioning.involvement.invitation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What experts told us they need to take part, and what coordinators arranged, in table
 * {@code cc_invitation}. The words are private: coordinators read them on the proposal and expert
 * pages; auditors get counts only ({@link #countsByRequest}).
 */
@Repository
public class AccessNeedsRepository {

  /** One invitation's access needs and what was arranged; words are null once erased. */
  public record AccessNeeds(long invitationId, long requestId, String needs, String arranged, String arrangedBy,
      Instant arrangedAt, Boolean arrangedInTime) {

    public boolean isArranged() {
      return arrangedAt != null;
    }
  }

  /** For auditors: how many who said yes to a session had needs, and how many were arranged before it. */
  public record AccessNeedsCount(int withNeeds, int arrangedBeforeSession, int arrangedLate) {

    public static final AccessNeedsCount NONE = new AccessNeedsCount(0, 0, 0);

    public int notArranged() {
      return withNeeds - arrangedBeforeSession - arrangedLate;
    }
  }

  private static final String SELECT = """
      SELECT id, request_id, access_needs, access_arranged, access_arranged_by, access_arranged_at,
        access_arranged_in_time FROM cc_invitation""";

  /** A yes with needs, or with something arranged all the same (the bids of an evaluation session). */
  private static final String NEEDS_OR_ARRANGED =
      "(had_access_needs = TRUE OR access_arranged_at IS NOT NULL) AND status = ?";

  private final JdbcClient jdbc;

  public AccessNeedsRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<AccessNeeds> of(long invitationId) {
    return jdbc.sql(SELECT + " WHERE id = ?").param(invitationId).query(AccessNeedsRepository::row).optional();
  }

  /** Access needs of those who said yes to one session, and anything arranged for them, by invitation id. */
  public Map<Long, AccessNeeds> byRequest(long requestId) {
    Map<Long, AccessNeeds> needs = new LinkedHashMap<>();
    jdbc.sql(SELECT + " WHERE request_id = ? AND " + NEEDS_OR_ARRANGED + " ORDER BY id")
        .params(requestId, InvitationStatus.ACCEPTED.name()).query(AccessNeedsRepository::row).list()
        .forEach(n -> needs.put(n.invitationId(), n));
    return needs;
  }

  /** Every session an expert said yes to with access needs, newest first. */
  public List<AccessNeeds> byExpert(long expertId) {
    return jdbc.sql(SELECT + " WHERE expert_id = ? AND " + NEEDS_OR_ARRANGED + " ORDER BY id DESC")
        .params(expertId, InvitationStatus.ACCEPTED.name()).query(AccessNeedsRepository::row).list();
  }

  /** Records what a coordinator arranged, by whom, and whether it was before the session started. */
  public void recordArranged(long invitationId, String arranged, String by, boolean beforeSession) {
    jdbc.sql("""
            UPDATE cc_invitation SET access_arranged = ?, access_arranged_by = ?, access_arranged_at = ?,
              access_arranged_in_time = ? WHERE id = ?""")
        .params(arranged, by, Timestamp.from(org.coproduced.commissioning.schedule.ProcessClock.now().toInstant()),
            beforeSession, invitationId)
        .update();
  }

  /** Counts per session, by request id; never the words. */
  public Map<Long, AccessNeedsCount> countsByRequest(Collection<Long> requestIds) {
    Map<Long, AccessNeedsCount> counts = new HashMap<>();
    if (requestIds.isEmpty()) {
      return counts;
    }
    jdbc.sql("""
            SELECT request_id, COUNT(*),
              SUM(CASE WHEN access_arranged_in_time = TRUE THEN 1 ELSE 0 END),
              SUM(CASE WHEN access_arranged_in_time = FALSE THEN 1 ELSE 0 END)
            FROM cc_invitation WHERE request_id IN (:requests) AND had_access_needs = TRUE AND status = :accepted
            GROUP BY request_id""")
        .param("requests", requestIds).param("accepted", InvitationStatus.ACCEPTED.name())
        .query(rs -> {
          counts.put(rs.getLong(1), new AccessNeedsCount(rs.getInt(2), rs.getInt(3), rs.getInt(4)));
        });
    return counts;
  }

  private static AccessNeeds row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    Timestamp at = rs.getTimestamp(6);
    return new AccessNeeds(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
        at == null ? null : at.toInstant(), (Boolean) rs.getObject(7));
  }
}
