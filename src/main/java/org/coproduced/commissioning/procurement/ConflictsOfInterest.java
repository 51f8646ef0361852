package org.coproduced.commissioning.procurement;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.involvement.matching.DeclaredConflicts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells matching which experts may not be asked to a cycle's sessions: they declared a conflict
 * of interest while evaluating its bids, or an organisation they declared an interest in is one of
 * its bidders. A fixed number of queries whatever the size of the pool.
 */
@Component
public class ConflictsOfInterest implements DeclaredConflicts {

  private final JdbcClient jdbc;
  private final ProcurementRepository procurement;
  private final ExpertRepository experts;

  public ConflictsOfInterest(JdbcClient jdbc, ProcurementRepository procurement, ExpertRepository experts) {
    this.jdbc = jdbc;
    this.procurement = procurement;
    this.experts = experts;
  }

  @Override
  public Set<Long> expertsWithConflictsIn(long cycleId) {
    List<String> declaredConflicted = jdbc.sql("""
            SELECT evaluator_ref FROM cc_interest_declaration WHERE cycle_id = ? AND has_conflict = TRUE""")
        .param(cycleId).query(String.class).list();
    Set<Long> conflicted = new HashSet<>(experts.idsOf(declaredConflicted).values());
    List<String> bidders = procurement.bids(cycleId).stream().map(bid -> normalised(bid.bidderName()))
        .filter(name -> !name.isEmpty()).toList();
    if (!bidders.isEmpty()) {
      experts.declaredInterests().forEach((expertId, declared) -> {
        String interests = normalised(declared);
        if (bidders.stream().anyMatch(interests::contains)) {
          conflicted.add(expertId);
        }
      });
    }
    return conflicted;
  }

  private static String normalised(String text) {
    return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
  }
}
