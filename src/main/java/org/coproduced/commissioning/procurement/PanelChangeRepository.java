package org.coproduced.commissioning.procurement;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What became of a scoring panel left short ({@code cc_scoring_panel_change}): who joined the
 * running panel, or that the coordinator and the commissioner agreed to go on without a new member.
 */
@Repository
public class PanelChangeRepository {

  static final String ADDED = "ADDED";
  static final String GO_ON = "GO_ON";

  /** The agreement to go on: why, who recorded it, and how many members remained then. */
  public record GoOn(int panelSize, String reason, String by, java.time.Instant at) {}

  private final JdbcClient jdbc;

  public PanelChangeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a new member once; returns false if they were added to this cycle's panel before. */
  public boolean recordAdded(long cycleId, String evaluatorRef, int panelSize, String by) {
    if (added(cycleId).contains(evaluatorRef)) {
      return false;
    }
    jdbc.sql("""
            INSERT INTO cc_scoring_panel_change (cycle_id, kind, evaluator_ref, panel_size, decided_by, decided_at)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(cycleId, ADDED, evaluatorRef, panelSize, by, now()).update();
    return true;
  }

  public void recordGoOn(long cycleId, int panelSize, String reason, String by) {
    jdbc.sql("""
            INSERT INTO cc_scoring_panel_change (cycle_id, kind, panel_size, reason, decided_by, decided_at)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(cycleId, GO_ON, panelSize, reason, by, now()).update();
  }

  /** The members added to the cycle's running panel, in the order they joined. */
  public List<String> added(long cycleId) {
    return jdbc.sql("SELECT evaluator_ref FROM cc_scoring_panel_change WHERE cycle_id = ? AND kind = ? ORDER BY id")
        .params(cycleId, ADDED).query(String.class).list();
  }

  /** The latest agreement to go on with fewer members, if any. */
  public Optional<GoOn> latestGoOn(long cycleId) {
    return jdbc.sql("""
            SELECT panel_size, reason, decided_by, decided_at FROM cc_scoring_panel_change
            WHERE cycle_id = ? AND kind = ? ORDER BY id DESC""")
        .params(cycleId, GO_ON)
        .query((rs, n) -> new GoOn(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
        .list().stream().findFirst();
  }

  void deleteForCycle(long cycleId) {
    jdbc.sql("DELETE FROM cc_scoring_panel_change WHERE cycle_id = ?").param(cycleId).update();
  }

  private static Timestamp now() {
    return Timestamp.from(ProcessClock.now().toInstant());
  }
}
