package org.coproduced.commissioning.procurement;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The Procurement Act 2023 steps of a tender, with their dates and references: its route, the
 * assessment summaries sent to bidders ({@code cc_assessment_summary}), the contract award notice
 * and standstill, any challenge during it ({@code cc_standstill_challenge}), the date the contract
 * was entered into and the contract details notice (columns of {@code cc_tender}).
 */
@Repository
public class AwardSteps {

  private final JdbcClient jdbc;

  public AwardSteps(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void saveRoute(long cycleId, ProcurementRoute route, String plannedNoticeReference) {
    jdbc.sql("UPDATE cc_tender SET route = ?, planned_notice_reference = ? WHERE cycle_id = ?")
        .params(route.name(), plannedNoticeReference, cycleId).update();
  }

  /** The tender's route; above the threshold for tenders recorded before routes existed. */
  public ProcurementRoute route(long cycleId) {
    return jdbc.sql("SELECT route FROM cc_tender WHERE cycle_id = ?").param(cycleId).query(String.class)
        .optional().map(ProcurementRoute::ofStored).orElse(ProcurementRoute.ABOVE_THRESHOLD);
  }

  /** What was sent to one bidder; a second sending for the same bid replaces the first. */
  public void saveSummary(long cycleId, long bidId, String text, LocalDate sentOn, String sentBy) {
    jdbc.sql("DELETE FROM cc_assessment_summary WHERE cycle_id = ? AND bid_id = ?").params(cycleId, bidId).update();
    jdbc.sql("""
            INSERT INTO cc_assessment_summary (cycle_id, bid_id, summary_text, sent_on, sent_by, created_at)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(cycleId, bidId, text, sentOn, sentBy, now()).update();
  }

  /** The text sent to a bidder, if it has been sent. */
  public Optional<String> summaryText(long cycleId, long bidId) {
    return jdbc.sql("SELECT summary_text FROM cc_assessment_summary WHERE cycle_id = ? AND bid_id = ?")
        .params(cycleId, bidId).query(String.class).optional();
  }

  public void saveAwardNotice(long cycleId, String reference, LocalDate publishedOn, boolean standstill,
      LocalDate standstillLastDay) {
    jdbc.sql("""
            UPDATE cc_tender SET award_notice_reference = ?, award_notice_published_on = ?, standstill_applies = ?,
              standstill_last_day = ? WHERE cycle_id = ?""")
        .params(reference, publishedOn, standstill, standstillLastDay, cycleId).update();
  }

  public void recordChallenge(long cycleId, LocalDate receivedOn, String details, String recordedBy) {
    jdbc.sql("""
            INSERT INTO cc_standstill_challenge (cycle_id, received_on, details, recorded_by, created_at)
            VALUES (?, ?, ?, ?, ?)""")
        .params(cycleId, receivedOn, details, recordedBy, now()).update();
  }

  /** The outcome of the cycle's challenge still open; false when none is open. */
  public boolean recordChallengeOutcome(long cycleId, String outcome, String details, LocalDate on, String by) {
    return jdbc.sql("""
            UPDATE cc_standstill_challenge SET outcome = ?, outcome_details = ?, outcome_on = ?, outcome_by = ?
            WHERE cycle_id = ? AND outcome IS NULL""")
        .params(outcome, details, on, by, cycleId).update() > 0;
  }

  /** The day the open challenge was received, if one is open. */
  public Optional<LocalDate> openChallengeReceivedOn(long cycleId) {
    return jdbc.sql("SELECT received_on FROM cc_standstill_challenge WHERE cycle_id = ? AND outcome IS NULL")
        .param(cycleId).query(LocalDate.class).optional();
  }

  public void saveContractSigned(long cycleId, LocalDate signedOn, LocalDate detailsNoticeDueOn) {
    jdbc.sql("UPDATE cc_tender SET contract_signed_on = ?, details_notice_due_on = ? WHERE cycle_id = ?")
        .params(signedOn, detailsNoticeDueOn, cycleId).update();
  }

  public Optional<LocalDate> contractSignedOn(long cycleId) {
    return jdbc.sql("SELECT contract_signed_on FROM cc_tender WHERE cycle_id = ?").param(cycleId)
        .query((rs, n) -> rs.getObject(1, LocalDate.class)).list().stream().filter(d -> d != null).findFirst();
  }

  public void saveDetailsNotice(long cycleId, String reference, LocalDate publishedOn) {
    jdbc.sql("UPDATE cc_tender SET details_notice_reference = ?, details_notice_published_on = ? WHERE cycle_id = ?")
        .params(reference, publishedOn, cycleId).update();
  }

  /** Every step taken so far, in order, with its date and reference: for auditors and the cycle's CSV. */
  public List<Step> steps(long cycleId) {
    List<Step> steps = new ArrayList<>();
    jdbc.sql("""
            SELECT route, notice_reference, planned_notice_reference, award_notice_reference, award_notice_published_on,
              standstill_applies, standstill_last_day, contract_reference, contract_signed_on, details_notice_due_on,
              details_notice_reference, details_notice_published_on FROM cc_tender WHERE cycle_id = ?""")
        .param(cycleId).query(rs -> {
          ProcurementRoute route = ProcurementRoute.ofStored(rs.getString("route"));
          steps.add(new Step("Tender published", null, rs.getString("notice_reference"),
              "Route: " + route.inWords() + optional(", planned procurement notice ", rs.getString("planned_notice_reference"))));
          summaries(cycleId, steps);
          LocalDate awardNotice = rs.getObject("award_notice_published_on", LocalDate.class);
          if (awardNotice != null) {
            Boolean standstill = (Boolean) rs.getObject("standstill_applies");
            LocalDate lastDay = rs.getObject("standstill_last_day", LocalDate.class);
            steps.add(new Step("Contract award notice published", awardNotice, rs.getString("award_notice_reference"),
                Boolean.TRUE.equals(standstill)
                    ? "Standstill kept" + (lastDay == null ? "" : " to the end of " + lastDay)
                    : "No standstill: the commissioner chose not to keep one"));
          }
          challenges(cycleId, steps);
          LocalDate signed = rs.getObject("contract_signed_on", LocalDate.class);
          if (signed != null) {
            steps.add(new Step("Contract entered into", signed, rs.getString("contract_reference"), null));
          }
          LocalDate due = rs.getObject("details_notice_due_on", LocalDate.class);
          LocalDate published = rs.getObject("details_notice_published_on", LocalDate.class);
          if (published != null) {
            steps.add(new Step("Contract details notice published", published, rs.getString("details_notice_reference"),
                published.isAfter(due) ? "Late: it was due by " + due : "Due by " + due));
          } else if (due != null) {
            steps.add(new Step("Contract details notice not yet published", null, null,
                (ProcessClock.today().isAfter(due) ? "Overdue: it was due by " : "Due by ") + due));
          }
        });
    return steps;
  }

  private void summaries(long cycleId, List<Step> steps) {
    jdbc.sql("""
            SELECT b.slot, b.bidder_name, s.sent_on FROM cc_assessment_summary s JOIN cc_bid b ON b.id = s.bid_id
            WHERE s.cycle_id = ? ORDER BY b.slot""")
        .param(cycleId).query(rs -> {
          steps.add(new Step("Assessment summary sent", rs.getObject("sent_on", LocalDate.class),
              "bid " + rs.getInt("slot"), rs.getString("bidder_name")));
        });
  }

  private void challenges(long cycleId, List<Step> steps) {
    jdbc.sql("""
            SELECT received_on, outcome, outcome_on FROM cc_standstill_challenge WHERE cycle_id = ? ORDER BY id""")
        .param(cycleId).query(rs -> {
          steps.add(new Step("Challenge received during the standstill", rs.getObject("received_on", LocalDate.class),
              null, "The award waited for the outcome"));
          if (rs.getString("outcome") != null) {
            steps.add(new Step("Challenge outcome recorded", rs.getObject("outcome_on", LocalDate.class), null,
                ChallengeOutcome.valueOf(rs.getString("outcome")).inWords()));
          }
        });
  }

  /** Deletes the summaries and challenges of a cycle (before its bids, which summaries refer to). */
  void deleteForCycle(long cycleId) {
    jdbc.sql("DELETE FROM cc_assessment_summary WHERE cycle_id = ?").param(cycleId).update();
    jdbc.sql("DELETE FROM cc_standstill_challenge WHERE cycle_id = ?").param(cycleId).update();
  }

  /** One step of the tender: what, when, its reference and a note (each may be null). */
  public record Step(String step, LocalDate date, String reference, String note) {}

  private static String optional(String prefix, String value) {
    return value == null ? "" : prefix + value;
  }

  private static Timestamp now() {
    return Timestamp.from(ProcessClock.now().toInstant());
  }
}
