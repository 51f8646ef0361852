package org.coproduced.commissioning.involvement;

import java.math.BigDecimal;
import java.sql.Timestamp;
import org.coproduced.commissioning.experts.Expert;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What each expert is owed and paid for their time (table {@code cc_recompense}): payment, a
 * voucher or training credit at the hourly rate, or nothing if they chose so; expenses always.
 */
@Repository
public class RecompenseLedger {

  private final JdbcClient jdbc;
  private final InvitationRepository invitations;
  private final ExpertRepository experts;
  private final MatchingProperties properties;

  public RecompenseLedger(JdbcClient jdbc, InvitationRepository invitations, ExpertRepository experts,
      MatchingProperties properties) {
    this.jdbc = jdbc;
    this.invitations = invitations;
    this.experts = experts;
    this.properties = properties;
  }

  /** Adds an entry for each expert who took part; a retried call adds nothing twice. */
  public void recordOwed(long requestId) {
    for (InvitationRepository.AttendedInvitation attended : invitations.attended(requestId)) {
      Expert expert = experts.findById(attended.expertId()).orElseThrow();
      String kind = expert.recompensePreference() == null ? "payment" : expert.recompensePreference();
      BigDecimal amount = "none".equals(kind)
          ? BigDecimal.ZERO
          : properties.hourlyRate().multiply(BigDecimal.valueOf(attended.hours()));
      jdbc.sql("""
              INSERT INTO cc_recompense (expert_id, request_id, kind, hours, amount, expenses, status, created_at)
              SELECT ?, ?, ?, ?, ?, ?, 'OWED', ? WHERE NOT EXISTS
                (SELECT 1 FROM cc_recompense WHERE expert_id = ? AND request_id = ?)""")
          .params(expert.id(), requestId, kind.toUpperCase(), attended.hours(), amount, attended.expenses(),
              Timestamp.from(ProcessClock.now().toInstant()), expert.id(), requestId)
          .update();
    }
  }

  public BigDecimal totalOwedFor(long requestId) {
    return jdbc.sql("SELECT COALESCE(SUM(amount + expenses), 0) FROM cc_recompense WHERE request_id = ?")
        .param(requestId).query(BigDecimal.class).single();
  }
}
