package org.coproduced.commissioning.procurement;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.coproduced.commissioning.records.CycleRecords;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Tenders, bids, declarations of interest and scores (tables {@code cc_tender}, {@code cc_bid}, ...). */
@Repository
@Order(CycleRecords.REFERRING_TO_CYCLE)
public class ProcurementRepository implements CycleRecords {

  private final JdbcClient jdbc;
  private final AwardSteps steps;
  private final PanelChangeRepository panelChanges;

  public ProcurementRepository(JdbcClient jdbc, AwardSteps steps, PanelChangeRepository panelChanges) {
    this.jdbc = jdbc;
    this.steps = steps;
    this.panelChanges = panelChanges;
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

  /** A panel member is not sure about a link to a bidder: a coordinator talks it through before they score. */
  public void saveUnsure(long cycleId, String evaluatorRef, String details) {
    saveDeclaration(cycleId, evaluatorRef, false, null, details);
    jdbc.sql("UPDATE cc_interest_declaration SET unsure = TRUE WHERE cycle_id = ? AND evaluator_ref = ?")
        .params(cycleId, evaluatorRef).update();
  }

  /** Whether the panel member's declaration is still "not sure". */
  public boolean isUnsure(long cycleId, String evaluatorRef) {
    return jdbc.sql("SELECT unsure FROM cc_interest_declaration WHERE cycle_id = ? AND evaluator_ref = ?")
        .params(cycleId, evaluatorRef).query(Boolean.class).optional().orElse(false);
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

  /** Each panel member's scores for a bid with their notes, for the moderation meeting (staff only). */
  public List<ScoreWithNotes> scoresWithNotes(long bidId) {
    return jdbc.sql("""
            SELECT evaluator_ref, quality_score, coproduction_score, social_value_score, price_score, notes
            FROM cc_bid_score WHERE bid_id = ? ORDER BY evaluator_ref""")
        .param(bidId)
        .query((rs, n) -> new ScoreWithNotes(rs.getString(1),
            new Scores(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)), rs.getString(6)))
        .list();
  }

  public void saveConsensus(long bidId, Scores s, String notes) {
    jdbc.sql("""
            UPDATE cc_bid SET quality_score = ?, coproduction_score = ?, social_value_score = ?, price_score = ?,
              moderation_notes = ? WHERE id = ?""")
        .params(s.quality(), s.coproduction(), s.socialValue(), s.price(), notes, bidId).update();
  }

  /** The reasons the panel gave at moderation for a bid's agreed scores, or null before moderation. */
  public String moderationNotes(long bidId) {
    List<String> notes = jdbc.sql("SELECT moderation_notes FROM cc_bid WHERE id = ?").param(bidId)
        .query((rs, n) -> rs.getString(1)).list();
    return notes.isEmpty() ? null : notes.get(0);
  }

  public void saveAward(long cycleId, long winningBidId, boolean panelAgrees, String reasonForExperts) {
    jdbc.sql("UPDATE cc_tender SET winning_bid_id = ?, panel_agrees = ?, reason_for_experts = ? WHERE cycle_id = ?")
        .params(winningBidId, panelAgrees, reasonForExperts, cycleId).update();
  }

  public void saveContract(long cycleId, String reference, LocalDate startDate) {
    jdbc.sql("UPDATE cc_tender SET contract_reference = ?, contract_start_date = ? WHERE cycle_id = ?")
        .params(reference, startDate, cycleId).update();
  }

  /** Each evaluator's declaration of interests, by evaluator. */
  public List<Declaration> declarations(long cycleId) {
    return jdbc.sql("""
            SELECT evaluator_ref, has_conflict, created_at FROM cc_interest_declaration
            WHERE cycle_id = ? ORDER BY evaluator_ref""")
        .param(cycleId)
        .query((rs, n) -> new Declaration(rs.getString("evaluator_ref"), rs.getBoolean("has_conflict"),
            instant(rs, "created_at")))
        .list();
  }

  /** The cycle's bids with the scores the panel agreed (none until moderated), by slot. */
  public List<ModeratedBid> moderatedBids(long cycleId) {
    return jdbc.sql("""
            SELECT id, slot, bidder_name, price, quality_score, coproduction_score, social_value_score, price_score
            FROM cc_bid WHERE cycle_id = ? ORDER BY slot""")
        .param(cycleId)
        .query((rs, n) -> new ModeratedBid(rs.getLong("id"), rs.getString("bidder_name"), rs.getBigDecimal("price"),
            integer(rs, "quality_score"), integer(rs, "coproduction_score"), integer(rs, "social_value_score"),
            integer(rs, "price_score")))
        .list();
  }

  /** Every evaluator's own scores for every bid of the cycle, by bid and evaluator. */
  public List<EvaluatorScore> evaluatorScores(long cycleId) {
    return jdbc.sql("""
            SELECT b.bidder_name, s.evaluator_ref, s.quality_score, s.coproduction_score, s.social_value_score,
              s.price_score, s.created_at
            FROM cc_bid_score s JOIN cc_bid b ON b.id = s.bid_id WHERE b.cycle_id = ? ORDER BY b.slot, s.evaluator_ref""")
        .param(cycleId)
        .query((rs, n) -> new EvaluatorScore(rs.getString("bidder_name"), rs.getString("evaluator_ref"),
            rs.getInt("quality_score"), rs.getInt("coproduction_score"), rs.getInt("social_value_score"),
            rs.getInt("price_score"), instant(rs, "created_at")))
        .list();
  }

  /** The tender, its weightings, the winning bid and the contract; empty before a tender is published. */
  public Optional<Award> award(long cycleId) {
    return jdbc.sql("""
            SELECT t.notice_reference, t.closing_date, t.quality_weighting, t.coproduction_weighting,
              t.social_value_weighting, t.price_weighting, b.bidder_name, t.panel_agrees, t.reason_for_experts,
              t.contract_reference, t.contract_start_date
            FROM cc_tender t LEFT JOIN cc_bid b ON b.id = t.winning_bid_id WHERE t.cycle_id = ?""")
        .param(cycleId)
        .query((rs, n) -> new Award(rs.getString("notice_reference"), rs.getObject("closing_date", LocalDate.class),
            rs.getInt("quality_weighting"), rs.getInt("coproduction_weighting"), rs.getInt("social_value_weighting"),
            rs.getInt("price_weighting"), rs.getString("bidder_name"), (Boolean) rs.getObject("panel_agrees"),
            rs.getString("reason_for_experts"), rs.getString("contract_reference"),
            rs.getObject("contract_start_date", LocalDate.class)))
        .optional();
  }

  /** Deletes the cycle's Procurement Act steps, panel changes, scores, tender, bids, declarations and award explanations, scores before their bids. */
  @Override
  public void deleteForCycle(long cycleId) {
    steps.deleteForCycle(cycleId);
    panelChanges.deleteForCycle(cycleId);
    jdbc.sql("DELETE FROM cc_bid_score WHERE bid_id IN (SELECT id FROM cc_bid WHERE cycle_id = ?)")
        .param(cycleId).update();
    jdbc.sql("DELETE FROM cc_tender WHERE cycle_id = ?").param(cycleId).update();
    jdbc.sql("DELETE FROM cc_bid WHERE cycle_id = ?").param(cycleId).update();
    jdbc.sql("DELETE FROM cc_interest_declaration WHERE cycle_id = ?").param(cycleId).update();
    jdbc.sql("DELETE FROM cc_award_explanation WHERE cycle_id = ?").param(cycleId).update();
  }

  /** One evaluator's scores for a bid. */
  public record EvaluatorScores(String evaluatorRef, Scores scores) {}

  /** One panel member's scores for one bid and why they gave them (null when they wrote nothing). */
  public record ScoreWithNotes(String evaluatorRef, Scores scores, String notes) {}

  /** Whether an evaluator declared a conflict of interest, and when. */
  public record Declaration(String evaluator, boolean conflict, Instant at) {}

  /** A bid with the panel's agreed (moderated) scores. */
  public record ModeratedBid(long id, String bidder, BigDecimal price, Integer quality, Integer coproduction,
      Integer socialValue, Integer priceScore) {}

  /** One evaluator's scores for one bid, and when they were given. */
  public record EvaluatorScore(String bidder, String evaluator, int quality, int coproduction, int socialValue,
      int price, Instant at) {}

  /** How the contract was awarded: the tender's weightings, the winner and whether the panel agreed. */
  public record Award(String noticeReference, LocalDate closingDate, int qualityWeighting, int coproductionWeighting,
      int socialValueWeighting, int priceWeighting, String winningBidder, Boolean panelAgrees,
      String reasonForExperts, String contractReference, LocalDate contractStartDate) {}

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static Integer integer(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  private static Timestamp now() {
    return Timestamp.from(ProcessClock.now().toInstant());
  }
}
