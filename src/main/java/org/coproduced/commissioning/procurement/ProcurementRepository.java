package org.coproduced.commissioning.procurement;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Tenders, bids, declarations of interest and scores (tables {@code cc_tender}, {@code cc_bid}, ...). */
@Repository
public class ProcurementRepository {

  private final JdbcClient jdbc;

  public ProcurementRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void saveTender(long cycleId, String reference, LocalDate closingDate, String question, Weightings w) {
    jdbc.sql("DELETE FROM cc_tender WHERE cycle_id = ?").param(cycleId).update();
    jdbc.sql("""
            INSERT INTO cc_tender (cycle_id, notice_reference, closing_date, coproduction_question, quality_weighting,
              coproduction_weighting, social_value_weighting, price_weighting) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(cycleId, reference, closingDate, question, w.quality(), w.coproduction(), w.socialValue(), w.price())
        .update();
  }

  public Weightings weightings(long cycleId) {
    return jdbc.sql("""
            SELECT quality_weighting, coproduction_weighting, social_value_weighting, price_weighting
            FROM cc_tender WHERE cycle_id = ?""")
        .param(cycleId).query((rs, n) -> new Weightings(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
        .single();
  }

  /** Replaces the cycle's bids (the commissioner may correct them before evaluation). */
  public void replaceBids(long cycleId, List<Bid> bids) {
    jdbc.sql("DELETE FROM cc_bid WHERE cycle_id = ?").param(cycleId).update();
    for (Bid bid : bids) {
      GeneratedKeyHolder keys = new GeneratedKeyHolder();
      jdbc.sql("INSERT INTO cc_bid (cycle_id, slot, bidder_name, price) VALUES (?, ?, ?, ?)")
          .params(cycleId, bid.slot(), bid.bidderName(), bid.price()).update(keys, "id");
    }
  }

  public List<Bid> bids(long cycleId) {
    return jdbc.sql("SELECT id, cycle_id, slot, bidder_name, price FROM cc_bid WHERE cycle_id = ? ORDER BY slot")
        .param(cycleId)
        .query((rs, n) -> new Bid(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getBigDecimal(5)))
        .list();
  }

  public Bid bid(long bidId) {
    return jdbc.sql("SELECT id, cycle_id, slot, bidder_name, price FROM cc_bid WHERE id = ?").param(bidId)
        .query((rs, n) -> new Bid(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getBigDecimal(5)))
        .optional().orElseThrow(() -> new IllegalArgumentException("No bid " + bidId));
  }

  public void saveDeclaration(long cycleId, String evaluatorRef, boolean conflict, String conflictBidIds,
      String details) {
    jdbc.sql("DELETE FROM cc_interest_declaration WHERE cycle_id = ? AND evaluator_ref = ?")
        .params(cycleId, evaluatorRef).update();
    jdbc.sql("""
            INSERT INTO cc_interest_declaration (cycle_id, evaluator_ref, has_conflict, conflict_bids, details, created_at)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(cycleId, evaluatorRef, conflict, conflictBidIds, details, now()).update();
  }

  /** Ids of the bids an evaluator declared a conflict with. */
  public List<Long> conflictedBidIds(long cycleId, String evaluatorRef) {
    Optional<String> ids = jdbc.sql("""
            SELECT conflict_bids FROM cc_interest_declaration
            WHERE cycle_id = ? AND evaluator_ref = ? AND has_conflict = TRUE""")
        .params(cycleId, evaluatorRef).query(String.class).optional();
    return ids.filter(s -> !s.isBlank()).stream()
        .flatMap(s -> java.util.Arrays.stream(s.split(","))).map(Long::valueOf).toList();
  }

  public void saveScore(long bidId, String evaluatorRef, Scores s, String notes) {
    jdbc.sql("DELETE FROM cc_bid_score WHERE bid_id = ? AND evaluator_ref = ?").params(bidId, evaluatorRef).update();
    jdbc.sql("""
            INSERT INTO cc_bid_score (bid_id, evaluator_ref, quality_score, coproduction_score, social_value_score,
              price_score, notes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(bidId, evaluatorRef, s.quality(), s.coproduction(), s.socialValue(), s.price(), notes, now()).update();
  }

  public List<EvaluatorScores> scores(long bidId) {
    return jdbc.sql("""
            SELECT evaluator_ref, quality_score, coproduction_score, social_value_score, price_score
            FROM cc_bid_score WHERE bid_id = ? ORDER BY evaluator_ref""")
        .param(bidId)
        .query((rs, n) -> new EvaluatorScores(rs.getString(1),
            new Scores(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5))))
        .list();
  }

  public void saveConsensus(long bidId, Scores s, String notes) {
    jdbc.sql("""
            UPDATE cc_bid SET quality_score = ?, coproduction_score = ?, social_value_score = ?, price_score = ?,
              moderation_notes = ? WHERE id = ?""")
        .params(s.quality(), s.coproduction(), s.socialValue(), s.price(), notes, bidId).update();
  }

  public void saveAward(long cycleId, long winningBidId, boolean panelAgrees, String reasonForExperts) {
    jdbc.sql("UPDATE cc_tender SET winning_bid_id = ?, panel_agrees = ?, reason_for_experts = ? WHERE cycle_id = ?")
        .params(winningBidId, panelAgrees, reasonForExperts, cycleId).update();
  }

  public void saveContract(long cycleId, String reference, LocalDate startDate) {
    jdbc.sql("UPDATE cc_tender SET contract_reference = ?, contract_start_date = ? WHERE cycle_id = ?")
        .params(reference, startDate, cycleId).update();
  }

  /** One evaluator's scores for a bid. */
  public record EvaluatorScores(String evaluatorRef, Scores scores) {}

  private static Timestamp now() {
    return Timestamp.from(ProcessClock.now().toInstant());
  }

  /** Who won the contract and when it starts, once the contract is awarded. */
  public record Award(String winningBidder, LocalDate contractStartDate) {}

  public Optional<Award> award(long cycleId) {
    return jdbc.sql("""
            SELECT b.bidder_name, t.contract_start_date FROM cc_tender t JOIN cc_bid b ON b.id = t.winning_bid_id
            WHERE t.cycle_id = ?""")
        .param(cycleId)
        .query((rs, n) -> new Award(rs.getString(1), rs.getObject(2, LocalDate.class)))
        .optional();
  }
}
