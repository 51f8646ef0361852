package org.coproduced.commissioning.experts;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.coproduced.commissioning.access.AccessGroups;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Erases an expert's personal data (UK GDPR article 17) while the pseudonymous history stays
 * whole: their reference, the sessions they came to, the hours they gave, what they were paid and
 * what they said at sessions all remain, so every cycle still reads correctly, but nothing is left
 * that says who they are.
 *
 * <p>Wiped: name, email, phone, postal address, Tasklist sign-in, lived experience, wellbeing notes,
 * declared interests, notes on pauses and leaving, access needs, notes on expenses, replies to
 * feedback and coordinators' delivery notes. Kept: what they said at sessions and in reviews of a
 * specification, because the council's decisions answer it; in the engine, only the reference and
 * the user id ever were there. Feedback not yet delivered is closed: they asked not to be contacted.
 */
@Service
public class ExpertErasure {

  private static final Logger LOG = LoggerFactory.getLogger(ExpertErasure.class);

  static final String NOT_DELIVERED = "Not delivered: they asked for their personal data to be erased.";

  private final JdbcClient jdbc;
  private final ExpertRepository experts;
  private final IdentityService identity;

  public ExpertErasure(JdbcClient jdbc, ExpertRepository experts, IdentityService identity) {
    this.jdbc = jdbc;
    this.experts = experts;
    this.identity = identity;
  }

  /** Erases the expert's personal data; {@code by} is the coordinator who confirmed it. */
  public void erase(long expertId, String by) {
    Expert expert = experts.findById(expertId).orElseThrow();
    if (expert.erased()) {
      return;
    }
    LocalDate today = ProcessClock.today();
    Timestamp now = Timestamp.from(ProcessClock.now().toInstant());
    experts.erasePersonalDetails(expertId, today);
    jdbc.sql("UPDATE cc_invitation SET access_needs = NULL, expenses_note = NULL, follow_up_notes = NULL WHERE expert_id = ?")
        .param(expertId).update();
    // Nobody is asked on their behalf any more; invitations already sent stay for the coordinator to close.
    jdbc.sql("UPDATE cc_invitation SET status = 'WITHDRAWN' WHERE expert_id = ? AND status IN ('PROPOSED', 'CONFIRMED')")
        .param(expertId).update();
    jdbc.sql("UPDATE cc_feedback SET reply = NULL, notes = NULL WHERE expert_id = ?").param(expertId).update();
    jdbc.sql("""
            UPDATE cc_feedback SET status = 'ATTESTED', delivery_method = 'erased', delivered_on = ?, confirmed_by = ?,
              notes = ?, completed_at = ? WHERE expert_id = ? AND status = 'WAITING'""")
        .params(today, by, NOT_DELIVERED, now, expertId).update();
    jdbc.sql("""
            INSERT INTO cc_feedback (cycle_id, expert_id, status, delivery_method, delivered_on, confirmed_by, notes,
              created_at, completed_at)
            SELECT DISTINCT c.cycle_id, c.expert_id, 'ATTESTED', 'erased', CAST(? AS DATE), ?, ?,
              CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP) FROM cc_contribution c
            WHERE c.expert_id = ? AND NOT EXISTS
              (SELECT 1 FROM cc_feedback f WHERE f.cycle_id = c.cycle_id AND f.expert_id = c.expert_id)""")
        .params(today, by, NOT_DELIVERED, now, now, expertId).update();
    if (expert.tasklistUser() != null) {
      removeSignIn(expert.tasklistUser());
    }
    LOG.info("Erased the personal data of expert {} at the request of the expert, confirmed by {}", expert.ref(), by);
  }

  /**
   * Deletes the expert's Tasklist sign-in (its names and email), but only a sign-in that is in the
   * experts group alone: a member of staff's account is never removed this way.
   */
  private void removeSignIn(String userId) {
    AsApplication.run(() -> {
      if (identity.createUserQuery().userId(userId).count() == 0) {
        return;
      }
      List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
      if (groups.stream().allMatch(AccessGroups.EXPERTS::equals)) {
        identity.deleteUser(userId);
      } else {
        LOG.warn("Expert sign-in {} is also in {}: not removed; an administrator should check it", userId, groups);
      }
    });
  }
}
