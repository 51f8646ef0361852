package org.coproduced.commissioning.publication;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.publication.PublicSummary.PublicWording;
import org.coproduced.commissioning.records.CycleRecords;
import org.coproduced.commissioning.records.ExpertRecords;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Public summaries of cycles, their contributions in public wording, and who did what to them:
 * tables {@code cc_public_summary}, {@code cc_public_contribution} and {@code cc_public_event}.
 * Erasing an expert deletes the public wording of everything they said.
 */
@Repository
@Order(CycleRecords.REFERRING_TO_CYCLE)
public class PublicSummaryRepository implements CycleRecords, ExpertRecords {

  private static final String SELECT = """
      SELECT id, cycle_id, status, title, purpose, drafted_by, drafted_at, approved_by, approved_at, published_at
      FROM cc_public_summary""";

  private final JdbcClient jdbc;
  private final ContributionRepository contributions;

  public PublicSummaryRepository(JdbcClient jdbc, ContributionRepository contributions) {
    this.jdbc = jdbc;
    this.contributions = contributions;
  }

  public Optional<PublicSummary> findByCycle(long cycleId) {
    return jdbc.sql(SELECT + " WHERE cycle_id = ?").param(cycleId).query(PublicSummaryRepository::row).optional()
        .map(this::withWordings);
  }

  /** Published summaries, the most recently published first. */
  public List<PublicSummary> published() {
    return jdbc.sql(SELECT + " WHERE status = 'PUBLISHED' ORDER BY published_at DESC, id DESC")
        .query(PublicSummaryRepository::row).list().stream().map(this::withWordings).toList();
  }

  /** Saves the commissioner's wording as a draft, replacing any earlier wording; returns the summary's id. */
  public long saveDraft(long cycleId, String title, String purpose, Map<Long, PublicWording> wordings, String by) {
    Timestamp now = now();
    Long id = jdbc.sql("SELECT id FROM cc_public_summary WHERE cycle_id = ?").param(cycleId).query(Long.class)
        .optional().orElse(null);
    if (id == null) {
      GeneratedKeyHolder keys = new GeneratedKeyHolder();
      jdbc.sql("""
              INSERT INTO cc_public_summary (cycle_id, status, title, purpose, drafted_by, drafted_at)
              VALUES (?, 'DRAFTED', ?, ?, ?, ?)""")
          .params(cycleId, title, purpose, by, now).update(keys, "id");
      id = keys.getKey().longValue();
    } else {
      jdbc.sql("""
              UPDATE cc_public_summary SET status = 'DRAFTED', title = ?, purpose = ?, drafted_by = ?, drafted_at = ?,
                approved_by = NULL, approved_at = NULL WHERE id = ?""")
          .params(title, purpose, by, now, id).update();
      jdbc.sql("DELETE FROM cc_public_contribution WHERE summary_id = ?").param(id).update();
    }
    for (Map.Entry<Long, PublicWording> wording : wordings.entrySet()) {
      PublicWording w = wording.getValue();
      jdbc.sql("""
              INSERT INTO cc_public_contribution (summary_id, contribution_id, said, what_changed, why_decided)
              VALUES (?, ?, ?, ?, ?)""")
          .params(id, wording.getKey(), w.said(), w.whatChanged(), w.whyDecided()).update();
    }
    return id;
  }

  /** Moves the summary from one status to another; false when it was not in {@code from}. */
  public boolean move(long cycleId, PublicSummaryStatus from, PublicSummaryStatus to, String by) {
    String set = switch (to) {
      case APPROVED -> "status = 'APPROVED', approved_by = :by, approved_at = :at";
      case PUBLISHED -> "status = 'PUBLISHED', published_at = :at";
      case WITHDRAWN -> "status = 'WITHDRAWN'";
      case DRAFTED -> throw new IllegalArgumentException("A draft is saved with its wording");
    };
    return jdbc.sql("UPDATE cc_public_summary SET " + set + " WHERE cycle_id = :cycle AND status = :from")
        .param("by", by).param("at", now()).param("cycle", cycleId).param("from", from.name()).update() == 1;
  }

  public void recordEvent(long cycleId, PublicAction action, String by) {
    jdbc.sql("INSERT INTO cc_public_event (cycle_id, action, by_user, at) VALUES (?, ?, ?, ?)")
        .params(cycleId, action.name(), by, now()).update();
  }

  /** Who did what to the cycle's public summary, oldest first. */
  public List<PublicEvent> events(long cycleId) {
    return jdbc.sql("SELECT action, by_user, at FROM cc_public_event WHERE cycle_id = ? ORDER BY at, id")
        .param(cycleId)
        .query((rs, n) -> new PublicEvent(PublicAction.valueOf(rs.getString(1)), rs.getString(2), instant(rs, 3)))
        .list();
  }

  @Override
  public void deleteForCycle(long cycleId) {
    jdbc.sql("""
            DELETE FROM cc_public_contribution WHERE summary_id IN
              (SELECT id FROM cc_public_summary WHERE cycle_id = ?)""").param(cycleId).update();
    jdbc.sql("DELETE FROM cc_public_summary WHERE cycle_id = ?").param(cycleId).update();
    jdbc.sql("DELETE FROM cc_public_event WHERE cycle_id = ?").param(cycleId).update();
  }

  /** Their words leave the public pages: the public wording of everything they said is deleted. */
  @Override
  public void eraseExpert(long expertId, Erasure erasure) {
    List<Long> ids = contributions.idsOfExpert(expertId);
    if (!ids.isEmpty()) {
      jdbc.sql("DELETE FROM cc_public_contribution WHERE contribution_id IN (:ids)").param("ids", ids).update();
    }
  }

  private static PublicSummary row(ResultSet rs, int n) throws SQLException {
    return new PublicSummary(rs.getLong("id"), rs.getLong("cycle_id"),
        PublicSummaryStatus.valueOf(rs.getString("status")), rs.getString("title"), rs.getString("purpose"),
        rs.getString("drafted_by"), instant(rs, 7), rs.getString("approved_by"), instant(rs, 9), instant(rs, 10),
        Map.of());
  }

  private PublicSummary withWordings(PublicSummary s) {
    return new PublicSummary(s.id(), s.cycleId(), s.status(), s.title(), s.purpose(), s.draftedBy(), s.draftedAt(),
        s.approvedBy(), s.approvedAt(), s.publishedAt(), wordings(s.id()));
  }

  private Map<Long, PublicWording> wordings(long summaryId) {
    Map<Long, PublicWording> wordings = new LinkedHashMap<>();
    jdbc.sql("""
            SELECT contribution_id, said, what_changed, why_decided FROM cc_public_contribution
            WHERE summary_id = ? ORDER BY contribution_id""")
        .param(summaryId)
        .query(rs -> {
          wordings.put(rs.getLong(1), new PublicWording(rs.getString(2), rs.getString(3), rs.getString(4)));
        });
    return wordings;
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static Timestamp now() {
    return Timestamp.from(ProcessClock.now().toInstant());
  }
}
