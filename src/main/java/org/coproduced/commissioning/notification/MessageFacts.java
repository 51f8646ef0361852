package org.coproduced.commissioning.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What messages say, read from the application's tables when a message is sent. */
@Repository
public class MessageFacts {

  private final JdbcClient jdbc;

  public MessageFacts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An invitation with its session and cycle. */
  public record InvitationFacts(long id, String status, boolean buddy, Instant invitedAt, String expertRef,
      String stage, String whatIsAsked, String whyAsked, String involvementKind, LocalDate sessionDate,
      String sessionTime, int durationHours, String sessionFormat, String venueAndAccess, String whoWillAttend,
      long cycleId, String cycleTitle, String timeline, String recompensePreference, String processInstanceId) {}

  /** A cycle, with what each stage decided so far. */
  public record CycleFacts(long id, String title, String status, String timeline, String needsSummary,
      String specificationSummary, String winningBidder, LocalDate contractStartDate, String reviewOutcome,
      String reviewReason, String cancellationReason) {}

  /** One person's feedback row in a cycle. */
  public record FeedbackFacts(long id, long cycleId, String expertRef, String status) {}

  public Optional<InvitationFacts> invitation(long invitationId) {
    return jdbc.sql("""
            SELECT i.id, i.status, i.buddy, i.invited_at, e.ref, r.stage, r.what_is_asked, r.why_asked,
              r.involvement_kind, r.session_date, r.session_time, r.duration_hours, r.session_format,
              r.venue_and_access, r.who_will_attend, c.id, c.title, c.timeline, e.recompense_preference,
              r.process_instance_id
            FROM cc_invitation i
            JOIN cc_involvement_request r ON r.id = i.request_id
            JOIN cc_cycle c ON c.id = r.cycle_id
            JOIN cc_expert e ON e.id = i.expert_id
            WHERE i.id = ?""")
        .param(invitationId)
        .query((rs, n) -> new InvitationFacts(rs.getLong(1), rs.getString(2), rs.getBoolean(3),
            rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6),
            rs.getString(7), rs.getString(8), rs.getString(9), rs.getObject(10, LocalDate.class), rs.getString(11),
            rs.getInt(12), rs.getString(13), rs.getString(14), rs.getString(15), rs.getLong(16), rs.getString(17),
            rs.getString(18), rs.getString(19), rs.getString(20)))
        .optional();
  }

  public Optional<CycleFacts> cycle(long cycleId) {
    return jdbc.sql("""
            SELECT c.id, c.title, c.status, c.timeline, c.needs_summary, c.specification_summary, b.bidder_name,
              t.contract_start_date, c.review_outcome, c.review_reason, c.cancellation_reason
            FROM cc_cycle c
            LEFT JOIN cc_tender t ON t.cycle_id = c.id
            LEFT JOIN cc_bid b ON b.id = t.winning_bid_id
            WHERE c.id = ?""")
        .param(cycleId)
        .query((rs, n) -> new CycleFacts(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class), rs.getString(9),
            rs.getString(10), rs.getString(11)))
        .optional();
  }

  public Optional<FeedbackFacts> feedback(long cycleId, String expertRef) {
    return jdbc.sql("""
            SELECT f.id, f.cycle_id, e.ref, f.status FROM cc_feedback f JOIN cc_expert e ON e.id = f.expert_id
            WHERE f.cycle_id = ? AND e.ref = ?""")
        .params(cycleId, expertRef)
        .query((rs, n) -> new FeedbackFacts(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
        .optional();
  }

  public Optional<FeedbackFacts> feedback(long feedbackId) {
    return jdbc.sql("""
            SELECT f.id, f.cycle_id, e.ref, f.status FROM cc_feedback f JOIN cc_expert e ON e.id = f.expert_id
            WHERE f.id = ?""")
        .param(feedbackId)
        .query((rs, n) -> new FeedbackFacts(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
        .optional();
  }
}
