package org.coproduced.commissioning.stepback;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.records.ExpertRecords;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who stepped back from which task ({@code cc_step_back}); the expert's note stays here, never in the engine. */
@Repository
public class StepBackRepository implements ExpertRecords {

  /** One step back, as the coordinator's follow-up and the kind confirmation read it. */
  public record StepBack(String taskId, long cycleId, String taskKind, String expertRef, StepBackReason reason,
      String note) {}

  private final JdbcClient jdbc;
  private final ExpertRepository experts;

  public StepBackRepository(JdbcClient jdbc, ExpertRepository experts) {
    this.jdbc = jdbc;
    this.experts = experts;
  }

  /** Records a step back once per task; returns false if this task's was recorded already (a retry). */
  public boolean record(StepBack stepBack) {
    if (find(stepBack.taskId()).isPresent()) {
      return false;
    }
    jdbc.sql("""
            INSERT INTO cc_step_back (task_id, cycle_id, task_kind, expert_ref, reason, note, stepped_back_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(stepBack.taskId(), stepBack.cycleId(), stepBack.taskKind(), stepBack.expertRef(),
            stepBack.reason().name(), stepBack.note(), Timestamp.from(ProcessClock.now().toInstant()))
        .update();
    return true;
  }

  public Optional<StepBack> find(String taskId) {
    return jdbc.sql("SELECT task_id, cycle_id, task_kind, expert_ref, reason, note FROM cc_step_back WHERE task_id = ?")
        .param(taskId)
        .query((rs, n) -> new StepBack(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
            StepBackReason.valueOf(rs.getString(5)), rs.getString(6)))
        .optional();
  }

  /** Everyone who stepped back from a task of these kinds in this cycle. */
  public List<String> expertsWhoSteppedBack(long cycleId, List<String> taskKinds) {
    return jdbc.sql("SELECT DISTINCT expert_ref FROM cc_step_back WHERE cycle_id = :cycle AND task_kind IN (:kinds)")
        .param("cycle", cycleId).param("kinds", taskKinds)
        .query(String.class).list();
  }

  /** Erasing an expert's personal data: their notes go; that they stepped back stays, by reference. */
  @Override
  public void eraseExpert(long expertId, Erasure erasure) {
    experts.findById(expertId).ifPresent(expert -> jdbc.sql("UPDATE cc_step_back SET note = NULL WHERE expert_ref = ?")
        .param(expert.ref()).update());
  }
}
