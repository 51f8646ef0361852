package org.coproduced.commissioning.procurement;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The evidence auditors need that conflicts of interest were handled (Procurement Act 2023,
 * section 81): each evaluator's declaration, the bids they scored, and whether any score broke the
 * rules (a bid they declared a conflict with, or scoring before declaring).
 */
@Component
public class InterestDeclarations {

  private final JdbcClient jdbc;
  private final ProcurementRepository procurement;

  public InterestDeclarations(JdbcClient jdbc, ProcurementRepository procurement) {
    this.jdbc = jdbc;
    this.procurement = procurement;
  }

  /** One evaluator's declaration and scoring in a cycle. */
  public record Evaluator(String evaluatorRef, Boolean hasConflict, List<String> conflictedBidders, String details,
      LocalDateTime declaredAt, List<String> scoredBidders, List<String> problems) {

    public boolean declared() {
      return declaredAt != null;
    }
  }

  /** Everyone who declared or scored in the cycle, in the order they declared. */
  public List<Evaluator> forCycle(long cycleId) {
    Map<Long, String> bidders = new LinkedHashMap<>();
    procurement.bids(cycleId).forEach(bid -> bidders.put(bid.id(), bid.bidderName()));
    Map<String, Evaluator> byRef = new LinkedHashMap<>();
    jdbc.sql("""
            SELECT evaluator_ref, CASE WHEN unsure THEN NULL ELSE has_conflict END AS has_conflict, conflict_bids,
              details, created_at FROM cc_interest_declaration
            WHERE cycle_id = ? ORDER BY created_at, evaluator_ref""")
        .param(cycleId)
        .query(rs -> {
          String ids = rs.getString(3);
          List<String> conflicted = ids == null || ids.isBlank() ? List.of()
              : Arrays.stream(ids.split(",")).map(Long::valueOf).map(id -> bidders.getOrDefault(id, "bid " + id))
                  .toList();
          byRef.put(rs.getString(1), new Evaluator(rs.getString(1), (Boolean) rs.getObject(2), conflicted, rs.getString(4),
              rs.getTimestamp(5).toLocalDateTime(), new ArrayList<>(), new ArrayList<>()));
        });
    jdbc.sql("""
            SELECT s.evaluator_ref, s.bid_id, s.created_at, d.created_at, d.conflict_bids, d.has_conflict
            FROM cc_bid_score s JOIN cc_bid b ON b.id = s.bid_id
            LEFT JOIN cc_interest_declaration d ON d.cycle_id = b.cycle_id AND d.evaluator_ref = s.evaluator_ref
            WHERE b.cycle_id = ? ORDER BY s.evaluator_ref, b.slot""")
        .param(cycleId)
        .query(rs -> {
          String ref = rs.getString(1);
          long bidId = rs.getLong(2);
          String bidder = bidders.getOrDefault(bidId, "bid " + bidId);
          Evaluator evaluator = byRef.computeIfAbsent(ref,
              r -> new Evaluator(r, null, List.of(), null, null, new ArrayList<>(), new ArrayList<>()));
          evaluator.scoredBidders().add(bidder);
          if (rs.getTimestamp(4) == null) {
            evaluator.problems().add("Scored " + bidder + " without declaring interests");
          } else if (rs.getTimestamp(3).before(rs.getTimestamp(4))) {
            evaluator.problems().add("Scored " + bidder + " before declaring interests");
          }
          String conflictIds = rs.getString(5);
          if (rs.getBoolean(6) && conflictIds != null
              && Arrays.asList(conflictIds.split(",")).contains(String.valueOf(bidId))) {
            evaluator.problems().add("Scored " + bidder + " despite declaring a conflict of interest with it");
          }
        });
    return List.copyOf(byRef.values());
  }
}
