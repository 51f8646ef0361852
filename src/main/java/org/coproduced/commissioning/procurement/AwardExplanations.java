package org.coproduced.commissioning.procurement;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.coproduced.commissioning.experts.ExpertContacts;
import org.coproduced.commissioning.experts.ExpertContacts.ExpertContact;
import org.coproduced.commissioning.notification.MessageQueue;
import org.coproduced.commissioning.notification.Recipient;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "Explain your decision to the experts" reaches every expert on the evaluation panel before the
 * contract is awarded: by email through the outbox, or through a coordinator who tells them by
 * post, phone or in person (a task each, which the contract waits for). Table
 * {@code cc_award_explanation} keeps who was told, how and when; the words stay in the tender.
 */
@Component
public class AwardExplanations {

  static final String EMAILED = "EMAILED";
  static final String WAITING = "WAITING";
  static final String TOLD = "TOLD";

  private final JdbcClient jdbc;
  private final ProcurementService panel;
  private final ExpertContacts experts;
  private final MessageQueue queue;

  public AwardExplanations(JdbcClient jdbc, ProcurementService panel, ExpertContacts experts,
      MessageQueue queue) {
    this.jdbc = jdbc;
    this.panel = panel;
    this.experts = experts;
    this.queue = queue;
  }

  /** Emails the decision to every expert on the panel who reads email; the others wait for a coordinator. */
  public void explain(long cycleId, long winningBidId) {
    for (String ref : panel.panelExpertRefs(cycleId)) {
      ExpertContact expert = experts.expert(ref).orElse(null);
      if (expert == null || expert.erased()) {
        continue;
      }
      boolean email = expert.reachableByEmail();
      jdbc.sql("""
              INSERT INTO cc_award_explanation (cycle_id, winning_bid_id, expert_ref, channel, status, created_at)
              VALUES (?, ?, ?, ?, ?, ?)""")
          .params(cycleId, winningBidId, ref, email ? "EMAIL" : expert.channel().name(), email ? EMAILED : WAITING,
              now())
          .update();
      if (email) {
        // One message per decision and person: a retried decision sends nothing twice.
        queue.queue("award-explanation/" + cycleId + "/" + winningBidId + "/" + ref, Recipient.expert(ref),
            new AwardExplanationMessage(cycleId));
      }
    }
  }

  /**
   * The experts on the panel who do not read email and still have to be told the latest decision,
   * by reference: one coordinator task each (the collection of {@code Activity_TellPanelOfAward}).
   */
  public List<String> offlinePanelRefs(long cycleId) {
    return jdbc.sql("""
            SELECT expert_ref FROM cc_award_explanation
            WHERE cycle_id = ? AND status = 'WAITING' AND winning_bid_id = (
              SELECT winning_bid_id FROM cc_tender WHERE cycle_id = ?)
            ORDER BY expert_ref""")
        .params(cycleId, cycleId).query(String.class).list();
  }

  /** A coordinator told one expert the decision, by post, phone or in person. */
  public void recordTold(long cycleId, String expertRef, String method, LocalDate on, String coordinator) {
    jdbc.sql("""
            UPDATE cc_award_explanation SET status = 'TOLD', channel = ?, told_on = ?, told_by = ?
            WHERE cycle_id = ? AND expert_ref = ? AND status = 'WAITING'""")
        .params(method.toUpperCase(java.util.Locale.ROOT).replace('-', '_'), on, coordinator, cycleId, expertRef)
        .update();
  }

  /** Who on the panel has been told the latest decision, and how: for the award page and auditors. */
  public List<Told> forCycle(long cycleId) {
    return jdbc.sql("""
            SELECT expert_ref, channel, status, told_on, told_by FROM cc_award_explanation
            WHERE cycle_id = ? AND winning_bid_id = (SELECT winning_bid_id FROM cc_tender WHERE cycle_id = ?)
            ORDER BY expert_ref""")
        .params(cycleId, cycleId)
        .query((rs, n) -> new Told(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, LocalDate.class), rs.getString(5)))
        .list();
  }

  /** One expert on the panel and how they heard the decision. */
  public record Told(String expertRef, String channel, String status, LocalDate toldOn, String toldBy) {

    public boolean waiting() {
      return WAITING.equals(status);
    }
  }

  private static Timestamp now() {
    return Timestamp.from(ProcessClock.now().toInstant());
  }
}
