package org.coproduced.commissioning.feedback;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What an expert wrote back when they acknowledged their feedback, and a coordinator's answer to
 * it: columns of {@code cc_feedback}, kept here so the words never go into the engine.
 */
@Repository
public class FeedbackReplyRepository {

  /** A reply and, once it is answered, the answer, how it reached them, by whom and when. */
  public record Reply(long cycleId, String expertRef, String reply, String answer, String answeredHow,
      String answeredBy, Instant answeredAt) {

    public boolean answered() {
      return answeredAt != null;
    }

    /** How the answer reached them, as a coordinator says it. */
    public String answeredHowInWords() {
      return answeredHow == null ? null : switch (answeredHow) {
        case "email" -> "sent by email";
        case "in-person" -> "told in person";
        default -> "told by " + answeredHow;
      };
    }
  }

  private final JdbcClient jdbc;
  private final ExpertRepository experts;

  public FeedbackReplyRepository(JdbcClient jdbc, ExpertRepository experts) {
    this.jdbc = jdbc;
    this.experts = experts;
  }

  /** The reply of this expert in this cycle, if they wrote one (and it was not erased). */
  public Optional<Reply> find(long cycleId, String expertRef) {
    return experts.idOf(expertRef).flatMap(expertId -> jdbc.sql("""
            SELECT reply, reply_answer, reply_answered_how, reply_answered_by, reply_answered_at FROM cc_feedback
            WHERE cycle_id = ? AND expert_id = ? AND reply IS NOT NULL""")
        .params(cycleId, expertId)
        .query((rs, n) -> new Reply(cycleId, expertRef, rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
        .optional());
  }

  /**
   * Keeps the answer to a reply not yet answered; returns false (and changes nothing) if there is
   * no such reply any more (erased meanwhile) or it was answered already.
   */
  public boolean recordAnswer(long cycleId, String expertRef, String answer, String answeredHow, String answeredBy) {
    return experts.idOf(expertRef).map(expertId -> jdbc.sql("""
            UPDATE cc_feedback SET reply_answer = ?, reply_answered_how = ?, reply_answered_by = ?,
              reply_answered_at = ?
            WHERE cycle_id = ? AND expert_id = ? AND reply IS NOT NULL AND reply_answered_at IS NULL""")
        .params(answer, answeredHow, answeredBy, Timestamp.from(ProcessClock.now().toInstant()), cycleId, expertId)
        .update() == 1).orElse(false);
  }
}
