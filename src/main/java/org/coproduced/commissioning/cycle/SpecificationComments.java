package org.coproduced.commissioning.cycle;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * What reviewers asked to change in the specification, and the commissioner's answer to each
 * comment (table {@code cc_specification_answer}). A comment is known by its round and place, such
 * as R2-1, so tasks and pages can refer to it without the words or the reviewer.
 */
@Repository
public class SpecificationComments {

  /** Answers are short on purpose: a sentence or two each. */
  public static final int WHY_MAX_LENGTH = 400;

  private final JdbcClient jdbc;

  public SpecificationComments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every comment of every round, oldest first, with its answer if there is one. */
  public List<ReviewComment> forCycle(long cycleId) {
    List<ReviewComment> all = jdbc.sql("""
            SELECT r.id, r.round, r.reviewer_ref, r.comments, a.changed, a.why, a.answered_by
            FROM cc_specification_review r LEFT JOIN cc_specification_answer a ON a.review_id = r.id
            WHERE r.cycle_id = ? AND r.comments IS NOT NULL ORDER BY r.round, r.id""")
        .param(cycleId)
        .query((rs, n) -> new ReviewComment(rs.getLong(1), null, rs.getInt(2), rs.getString(3), rs.getString(4),
            (Boolean) rs.getObject(5), rs.getString(6), rs.getString(7)))
        .list();
    List<ReviewComment> numbered = new ArrayList<>();
    int round = 0;
    int place = 0;
    for (ReviewComment c : all) {
      place = c.round() == round ? place + 1 : 1;
      round = c.round();
      numbered.add(c.withRef("R" + round + "-" + place));
    }
    return numbered;
  }

  /** The comments of the round reviewed last, which the next draft must answer. */
  public List<ReviewComment> lastRound(long cycleId) {
    int last = jdbc.sql("SELECT COALESCE(MAX(round), 0) FROM cc_specification_review WHERE cycle_id = ?")
        .param(cycleId).query(Integer.class).single();
    return forCycle(cycleId).stream().filter(c -> c.round() == last).toList();
  }

  /** One reviewer's own comments and their answers, for their next review. */
  public List<ReviewComment> ofReviewer(long cycleId, String reviewerRef) {
    return forCycle(cycleId).stream().filter(c -> c.reviewerRef().equals(reviewerRef)).toList();
  }

  /** References of the last round's comments still without an answer. */
  public List<String> unansweredInLastRound(long cycleId) {
    return lastRound(cycleId).stream().filter(c -> !c.answered()).map(ReviewComment::ref).toList();
  }

  /**
   * Saves the commissioner's answers to comments of the last round, all or none: a missing choice,
   * a missing or too long reason, or a comment that is not of the last round changes nothing.
   */
  @Transactional
  public void answer(long cycleId, Map<Long, Answer> answers, String answeredBy) {
    Map<Long, ReviewComment> open = new java.util.HashMap<>();
    lastRound(cycleId).forEach(c -> open.put(c.id(), c));
    for (Map.Entry<Long, Answer> entry : answers.entrySet()) {
      ReviewComment comment = open.get(entry.getKey());
      if (comment == null) {
        throw new FormInputException("That comment is not one of the last round's. Nothing was saved.");
      }
      entry.getValue().check(comment.ref());
    }
    for (Map.Entry<Long, Answer> entry : answers.entrySet()) {
      jdbc.sql("DELETE FROM cc_specification_answer WHERE review_id = ?").param(entry.getKey()).update();
      jdbc.sql("""
              INSERT INTO cc_specification_answer (review_id, changed, why, answered_by, answered_at)
              VALUES (?, ?, ?, ?, ?)""")
          .params(entry.getKey(), entry.getValue().changed(), entry.getValue().why().strip(), answeredBy,
              Timestamp.from(ProcessClock.now().toInstant()))
          .update();
    }
  }

  /** The commissioner's answer to one comment: did the specification change, and why (or why not). */
  public record Answer(Boolean changed, String why) {

    void check(String ref) {
      if (changed == null) {
        throw new FormInputException("Please say whether you changed the specification for " + ref
            + ". Nothing was saved.");
      }
      if (why == null || why.isBlank()) {
        throw new FormInputException("Please say why for " + ref + ", in a sentence or two. Nothing was saved.");
      }
      if (why.strip().length() > WHY_MAX_LENGTH) {
        throw new FormInputException("The answer to " + ref + " is too long: please keep it under "
            + WHY_MAX_LENGTH + " characters. Nothing was saved.");
      }
      if (why.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
        throw new FormInputException("The answer to " + ref + " contains characters that cannot be stored. "
            + "Please retype it. Nothing was saved.");
      }
    }
  }

  /** One comment, its reference, and the commissioner's answer (null until answered). */
  public record ReviewComment(long id, String ref, int round, String reviewerRef, String words, Boolean changed,
      String why, String answeredBy) {

    public boolean answered() {
      return changed != null;
    }

    ReviewComment withRef(String reference) {
      return new ReviewComment(id, reference, round, reviewerRef, words, changed, why, answeredBy);
    }
  }
}
