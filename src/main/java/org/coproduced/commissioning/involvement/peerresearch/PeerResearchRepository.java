package org.coproduced.commissioning.involvement.peerresearch;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What requests ask of peer researchers ({@code cc_peer_research_ask}) and each expert who said
 * yes to gathering views, with how many people they heard from and the hours they spent
 * ({@code cc_peer_researcher}). What people said is a contribution, kept by its own repository.
 */
@Repository
public class PeerResearchRepository {

  private final JdbcClient jdbc;

  public PeerResearchRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Saves what a request asks of peer researchers, or removes it when the request is now a session only. */
  public void saveAsk(long requestId, Optional<PeerResearchAsk> ask) {
    jdbc.sql("DELETE FROM cc_peer_research_ask WHERE request_id = ?").param(requestId).update();
    ask.ifPresent(a -> jdbc.sql("""
            INSERT INTO cc_peer_research_ask (request_id, session_too, gathered_by, what_to_ask) VALUES (?, ?, ?, ?)""")
        .params(requestId, a.sessionToo(), a.gatheredBy(), a.whatToAsk()).update());
  }

  /** What the request asks of peer researchers; empty for a session only. */
  public Optional<PeerResearchAsk> ask(long requestId) {
    return jdbc.sql("SELECT request_id, session_too, gathered_by, what_to_ask FROM cc_peer_research_ask WHERE request_id = ?")
        .param(requestId)
        .query((rs, n) -> new PeerResearchAsk(rs.getLong(1), rs.getBoolean(2), rs.getObject(3, LocalDate.class),
            rs.getString(4)))
        .optional();
  }

  /** The expert of this invitation said yes to gathering views (again, after a session move: nothing twice). */
  public void addResearcher(long invitationId, long requestId, long expertId) {
    jdbc.sql("""
            INSERT INTO cc_peer_researcher (invitation_id, request_id, expert_id, created_at)
            SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM cc_peer_researcher WHERE invitation_id = ?)""")
        .params(invitationId, requestId, expertId, Timestamp.from(ProcessClock.now().toInstant()), invitationId)
        .update();
  }

  /** The expert of this invitation now takes part at the session instead, or said no. */
  public void removeResearcher(long invitationId) {
    jdbc.sql("DELETE FROM cc_peer_researcher WHERE invitation_id = ? AND recorded_at IS NULL").param(invitationId)
        .update();
  }

  public boolean isResearcher(long invitationId) {
    return jdbc.sql("SELECT COUNT(*) FROM cc_peer_researcher WHERE invitation_id = ?").param(invitationId)
        .query(Long.class).single() > 0;
  }

  /** The invitations of the request's peer researchers, oldest first. */
  public List<Long> researcherInvitationIds(long requestId) {
    return jdbc.sql("SELECT invitation_id FROM cc_peer_researcher WHERE request_id = ? ORDER BY invitation_id")
        .param(requestId).query(Long.class).list();
  }

  /**
   * Records how many people a peer researcher heard from and the hours they spent, once: returns
   * whether this call did it, so a repeated completion adds nothing twice.
   */
  public boolean recordGathered(long invitationId, int peopleHeard, int hoursSpent, String recordedBy) {
    return jdbc.sql("""
            UPDATE cc_peer_researcher SET people_heard = ?, hours_spent = ?, recorded_by = ?, recorded_at = ?
            WHERE invitation_id = ? AND recorded_at IS NULL""")
        .params(peopleHeard, hoursSpent, recordedBy, Timestamp.from(ProcessClock.now().toInstant()), invitationId)
        .update() == 1;
  }

  /** One peer researcher's record: how many people they heard from and their hours, null until recorded. */
  public record Gathered(long invitationId, long requestId, long expertId, Integer peopleHeard, Integer hoursSpent) {}

  public Optional<Gathered> gathered(long invitationId) {
    return jdbc.sql("""
            SELECT invitation_id, request_id, expert_id, people_heard, hours_spent FROM cc_peer_researcher
            WHERE invitation_id = ?""")
        .param(invitationId)
        .query((rs, n) -> new Gathered(rs.getLong(1), rs.getLong(2), rs.getLong(3),
            rs.getObject(4, Integer.class), rs.getObject(5, Integer.class)))
        .optional();
  }

  /** How many people the request's peer researchers heard from, all together. */
  public int peopleHeard(long requestId) {
    return jdbc.sql("SELECT COALESCE(SUM(people_heard), 0) FROM cc_peer_researcher WHERE request_id = ?")
        .param(requestId).query(Integer.class).single();
  }

  /** Deletes what these requests asked of peer researchers and who did it: before their invitations go. */
  public void deleteForRequests(Collection<Long> requestIds) {
    if (requestIds.isEmpty()) {
      return;
    }
    jdbc.sql("DELETE FROM cc_peer_researcher WHERE request_id IN (:requests)").param("requests", requestIds).update();
    jdbc.sql("DELETE FROM cc_peer_research_ask WHERE request_id IN (:requests)").param("requests", requestIds).update();
  }
}
