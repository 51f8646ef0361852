package org.coproduced.commissioning.involvement.recompense;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository.Expenses;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What each expert is owed and was paid for their time (table {@code cc_recompense}): one entry
 * per expert and session, and per expert and review round for reviewing a cycle's specification
 * or meeting to agree it, owed until a coordinator records it paid. What an entry is worth is
 * decided elsewhere ({@link RecompenseRecorder}); this class only keeps the entries.
 */
@Repository
public class RecompenseLedger {

  private static final String SELECT = """
      SELECT r.id, r.expert_id, r.request_id, r.session_date, r.kind,
        r.hours, r.preparation_hours, r.paid_hours, r.amount, r.basis, r.expenses_travel, r.expenses_childcare,
        r.expenses_subsistence, r.expenses, r.expenses_approved_by, r.status, r.paid_on, r.paid_by, r.work,
        r.review_round
      FROM cc_recompense r""";

  private final JdbcClient jdbc;
  private final ExpertRepository experts;

  public RecompenseLedger(JdbcClient jdbc, ExpertRepository experts) {
    this.jdbc = jdbc;
    this.experts = experts;
  }

  /** What an expert is owed for one session, before it is in the ledger. */
  public record Owed(long expertId, long requestId, LocalDate sessionDate, String kind, int hours,
      int preparationHours, BigDecimal paidHours, BigDecimal amount, String basis, BigDecimal expensesTravel,
      BigDecimal expensesChildcare, BigDecimal expensesSubsistence, BigDecimal expenses, String expensesApprovedBy) {}

  /** Adds an owed entry unless the expert already has one for the request: a retry adds nothing twice. */
  public void addOwed(Owed owed) {
    jdbc.sql("""
            INSERT INTO cc_recompense (expert_id, request_id, session_date, kind, hours, preparation_hours, paid_hours,
              amount, basis, expenses_travel, expenses_childcare, expenses_subsistence, expenses, expenses_approved_by,
              status, created_at)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS
              (SELECT 1 FROM cc_recompense WHERE expert_id = ? AND request_id = ?)""")
        .params(owed.expertId(), owed.requestId(), owed.sessionDate(), owed.kind(), owed.hours(),
            owed.preparationHours(), owed.paidHours(), owed.amount(), owed.basis(), owed.expensesTravel(),
            owed.expensesChildcare(), owed.expensesSubsistence(), owed.expenses(), owed.expensesApprovedBy(),
            RecompenseStatus.OWED.name(), Timestamp.from(ProcessClock.now().toInstant()), owed.expertId(), owed.requestId())
        .update();
  }

  /**
   * What an expert is owed for work outside a session, before it is in the ledger: reviewing one
   * round's draft of a cycle's specification, or the meeting to agree it after that round.
   */
  public record WorkOwed(long expertId, long cycleId, int reviewRound, RecompensedWork work, LocalDate workedOn,
      String kind, int hours, BigDecimal paidHours, BigDecimal amount, String basis) {}

  /**
   * Adds an owed entry for work outside a session unless the expert already has one for that work
   * and round: a retry adds nothing twice, and the unique key {@code uq_recompense_work} refuses a
   * second entry that another node adds at the same moment.
   */
  public void addOwedForWork(WorkOwed owed) {
    BigDecimal none = BigDecimal.ZERO.setScale(2);
    jdbc.sql("""
            INSERT INTO cc_recompense (expert_id, cycle_id, review_round, work, session_date, kind, hours,
              preparation_hours, paid_hours, amount, basis, expenses, status, created_at)
            SELECT ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS
              (SELECT 1 FROM cc_recompense WHERE expert_id = ? AND cycle_id = ? AND work = ? AND review_round = ?)""")
        .params(owed.expertId(), owed.cycleId(), owed.reviewRound(), owed.work().name(), owed.workedOn(), owed.kind(),
            owed.hours(), owed.paidHours(), owed.amount(), owed.basis(), none, RecompenseStatus.OWED.name(),
            Timestamp.from(ProcessClock.now().toInstant()), owed.expertId(), owed.cycleId(), owed.work().name(),
            owed.reviewRound())
        .update();
  }

  /**
   * What a peer researcher is owed for the views they gathered for one request: the hours they
   * recorded, at the hourly rate, in the form they chose, and what they paid out ({@code expenses}
   * by kind; {@code expensesApprovedBy} is null while a coordinator has not checked them).
   */
  public record PeerResearchOwed(long expertId, long requestId, long cycleId, LocalDate recordedOn, String kind,
      int hours, BigDecimal paidHours, BigDecimal amount, String basis, Expenses expenses, String expensesApprovedBy) {}

  /**
   * Adds an owed entry for peer research unless the expert already has one for the request: a
   * retry adds nothing twice, and the unique key {@code uq_recompense} refuses a second entry that
   * another node adds at the same moment. The cycle is kept too, so it adds up with the cycle's
   * other work outside sessions.
   */
  public void addOwedForPeerResearch(PeerResearchOwed owed) {
    Expenses spent = owed.expenses();
    jdbc.sql("""
            INSERT INTO cc_recompense (expert_id, request_id, cycle_id, work, session_date, kind, hours,
              preparation_hours, paid_hours, amount, basis, expenses_travel, expenses_childcare, expenses_subsistence,
              expenses, expenses_approved_by, status, created_at)
            SELECT ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS
              (SELECT 1 FROM cc_recompense WHERE expert_id = ? AND request_id = ?)""")
        .params(owed.expertId(), owed.requestId(), owed.cycleId(), RecompensedWork.PEER_RESEARCH.name(),
            owed.recordedOn(), owed.kind(), owed.hours(), owed.paidHours(), owed.amount(), owed.basis(),
            spent.travel(), spent.childcare(), spent.subsistence(), spent.total(),
            spent.total().signum() > 0 ? owed.expensesApprovedBy() : null,
            RecompenseStatus.OWED.name(), Timestamp.from(ProcessClock.now().toInstant()), owed.expertId(),
            owed.requestId())
        .update();
  }

  /** Hours an expert gave outside sessions on one day: they count towards the limit of hours like a session. */
  public record WorkHours(long expertId, LocalDate day, int hours) {}

  /** Every expert's hours of work outside sessions from {@code from} to {@code to}, both included. */
  public List<WorkHours> workHoursBetween(LocalDate from, LocalDate to) {
    return jdbc.sql("""
            SELECT expert_id, session_date, hours FROM cc_recompense
            WHERE work <> 'SESSION' AND session_date BETWEEN ? AND ?""")
        .params(from, to)
        .query((rs, n) -> new WorkHours(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getInt(3)))
        .list();
  }

  /** Every entry for work outside sessions in a cycle, by round, work and expert reference. */
  public List<LedgerEntry> workEntriesForCycle(long cycleId) {
    return withRefs(jdbc.sql(SELECT + " WHERE r.cycle_id = ? AND r.review_round IS NOT NULL").param(cycleId).query(this::map).list()).stream()
        .sorted(Comparator.comparing(LedgerEntry::reviewRound).thenComparing(LedgerEntry::work)
            .thenComparing(LedgerEntry::expertRef))
        .toList();
  }

  /** What work outside sessions in these cycles owes, added up per cycle, work and kind of recompense. */
  public List<WorkSum> workSumsByCycle(Collection<Long> cycleIds) {
    if (cycleIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
            SELECT cycle_id, work, kind, COUNT(*) AS entries, COALESCE(SUM(hours), 0) AS hours,
              COALESCE(SUM(amount), 0) AS amount, COALESCE(SUM(expenses), 0) AS expenses
            FROM cc_recompense WHERE cycle_id IN (:cycles) GROUP BY cycle_id, work, kind
            ORDER BY cycle_id, work, kind""")
        .param("cycles", cycleIds)
        .query((rs, n) -> new WorkSum(rs.getLong("cycle_id"), RecompensedWork.valueOf(rs.getString("work")),
            rs.getString("kind"), rs.getInt("entries"), rs.getInt("hours"), rs.getBigDecimal("amount"),
            rs.getBigDecimal("expenses")))
        .list();
  }

  /** One cycle's entries for one work outside sessions and one kind of recompense, added up. */
  public record WorkSum(long cycleId, RecompensedWork work, String kind, int entries, int hours, BigDecimal amount,
      BigDecimal expenses) {}

  /** Deletes the entries for work outside sessions in this cycle, paid or not. */
  public void deleteForCycle(long cycleId) {
    jdbc.sql("DELETE FROM cc_recompense WHERE cycle_id = ?").param(cycleId).update();
  }

  public BigDecimal totalOwedFor(long requestId) {
    return jdbc.sql("SELECT COALESCE(SUM(amount + expenses), 0) FROM cc_recompense WHERE request_id = ?")
        .param(requestId).query(BigDecimal.class).single();
  }

  /** Every entry of an expert, newest session first. */
  public List<LedgerEntry> entriesFor(long expertId) {
    return withRefs(jdbc.sql(SELECT + " WHERE r.expert_id = ? ORDER BY session_date DESC, r.id DESC")
        .param(expertId).query(this::map).list());
  }

  /** Every entry for a session, by expert reference. */
  public List<LedgerEntry> entriesForRequest(long requestId) {
    return withRefs(jdbc.sql(SELECT + " WHERE r.request_id = ?").param(requestId).query(this::map).list()).stream()
        .sorted(Comparator.comparing(LedgerEntry::expertRef)).toList();
  }

  public Optional<LedgerEntry> findEntry(long entryId) {
    return jdbc.sql(SELECT + " WHERE r.id = ?").param(entryId).query(this::map).optional()
        .map(entry -> withRefs(List.of(entry)).get(0));
  }

  /** What is still to pay an expert: time and expenses. */
  public BigDecimal owedTo(long expertId) {
    return jdbc.sql("SELECT COALESCE(SUM(amount + expenses), 0) FROM cc_recompense WHERE expert_id = ? AND status = ?")
        .params(expertId, RecompenseStatus.OWED.name()).query(BigDecimal.class).single()
        .setScale(2, RoundingMode.HALF_UP);
  }

  /**
   * What is still to pay each expert who is owed anything, by expert id: the same sums as
   * {@link #owedTo}, in one query for the whole pool.
   */
  public Map<Long, BigDecimal> owedByExpert() {
    Map<Long, BigDecimal> owed = new HashMap<>();
    jdbc.sql("SELECT expert_id, SUM(amount + expenses) FROM cc_recompense WHERE status = ? GROUP BY expert_id")
        .param(RecompenseStatus.OWED.name())
        .query(rs -> {
          owed.put(rs.getLong(1), rs.getBigDecimal(2).setScale(2, RoundingMode.HALF_UP));
        });
    return owed;
  }

  /** Records that an owed entry was paid (or the voucher or training credit given). */
  public boolean markPaid(long entryId, LocalDate paidOn, String paidBy) {
    return jdbc.sql("UPDATE cc_recompense SET status = ?, paid_on = ?, paid_by = ? WHERE id = ? AND status = ?")
        .params(RecompenseStatus.PAID.name(), paidOn, paidBy, entryId, RecompenseStatus.OWED.name()).update() == 1;
  }

  /**
   * Payments and vouchers (not training credit, not expenses) for an expert's sessions held from
   * {@code from} to {@code to}, both included.
   */
  public BigDecimal paymentsAndVouchersBetween(long expertId, LocalDate from, LocalDate to) {
    return jdbc.sql("""
            SELECT COALESCE(SUM(r.amount), 0) FROM cc_recompense r
            WHERE r.expert_id = ? AND r.kind IN ('PAYMENT', 'VOUCHER') AND r.session_date BETWEEN ? AND ?""")
        .params(expertId, from, to).query(BigDecimal.class).single();
  }

  /**
   * As {@link #paymentsAndVouchersBetween} for every expert at once, by expert id; an expert with
   * none is absent.
   */
  public Map<Long, BigDecimal> paymentsAndVouchersByExpertBetween(LocalDate from, LocalDate to) {
    Map<Long, BigDecimal> totals = new HashMap<>();
    jdbc.sql("""
            SELECT r.expert_id, SUM(r.amount) FROM cc_recompense r
            WHERE r.kind IN ('PAYMENT', 'VOUCHER') AND r.session_date BETWEEN ? AND ? GROUP BY r.expert_id""")
        .params(from, to)
        .query(rs -> {
          totals.put(rs.getLong(1), rs.getBigDecimal(2));
        });
    return totals;
  }

  /** What these requests' sessions owe, added up per request and kind of recompense. */
  public List<RecompenseSum> sumsByRequestAndKind(Collection<Long> requestIds) {
    if (requestIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
            SELECT request_id, kind, COUNT(*) AS entries, COALESCE(SUM(hours), 0) AS hours,
              COALESCE(SUM(amount), 0) AS amount, COALESCE(SUM(expenses), 0) AS expenses
            FROM cc_recompense WHERE request_id IN (:requests) AND work = 'SESSION'
            GROUP BY request_id, kind ORDER BY request_id, kind""")
        .param("requests", requestIds)
        .query((rs, n) -> new RecompenseSum(rs.getLong("request_id"), rs.getString("kind"), rs.getInt("entries"),
            rs.getInt("hours"), rs.getBigDecimal("amount"), rs.getBigDecimal("expenses")))
        .list();
  }

  /** Deletes the entries of these requests, paid or not. */
  public void deleteForRequests(Collection<Long> requestIds) {
    if (!requestIds.isEmpty()) {
      jdbc.sql("DELETE FROM cc_recompense WHERE request_id IN (:requests)").param("requests", requestIds).update();
    }
  }

  /** One request's entries of one kind (payment, voucher, training, none), added up. */
  public record RecompenseSum(long requestId, String kind, int entries, int hours, BigDecimal amount,
      BigDecimal expenses) {}

  /** The experts' references come from the expert pool, which owns them. */
  private List<LedgerEntry> withRefs(List<LedgerEntry> entries) {
    Map<Long, String> refs = experts.refsOf(entries.stream().map(LedgerEntry::expertId).toList());
    return entries.stream().map(entry -> entry.withExpertRef(refs.get(entry.expertId()))).toList();
  }

  private LedgerEntry map(ResultSet rs, int row) throws SQLException {
    return new LedgerEntry(rs.getLong("id"), rs.getLong("expert_id"), null, rs.getLong("request_id"),
        rs.getObject("session_date", LocalDate.class), rs.getString("kind"), rs.getInt("hours"),
        rs.getInt("preparation_hours"), rs.getBigDecimal("paid_hours"), rs.getBigDecimal("amount"),
        rs.getString("basis"), rs.getBigDecimal("expenses_travel"), rs.getBigDecimal("expenses_childcare"),
        rs.getBigDecimal("expenses_subsistence"), rs.getBigDecimal("expenses"), rs.getString("expenses_approved_by"),
        RecompenseStatus.valueOf(rs.getString("status")), rs.getObject("paid_on", LocalDate.class), rs.getString("paid_by"),
        RecompensedWork.valueOf(rs.getString("work")), rs.getObject("review_round", Integer.class));
  }
}
