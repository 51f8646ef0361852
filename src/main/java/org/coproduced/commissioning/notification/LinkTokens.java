package org.coproduced.commissioning.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Single-purpose tokens for links in messages (table {@code cc_link_token}). A token is 256
 * random bits; only its SHA-256 hash is stored, so the table cannot be used to forge a link.
 * A token opens one thing (acknowledging one person's feedback, answering one invitation) until
 * it expires.
 */
@Repository
public class LinkTokens {

  /** What a token lets its holder do. */
  public enum Purpose {
    FEEDBACK_ACKNOWLEDGEMENT,
    INVITATION_ANSWER,
    /** Answering "How was it for you?" after a session. */
    SESSION_EXPERIENCE,
    /** Sending thoughts in writing instead of coming to a session. */
    WRITTEN_CONTRIBUTION
  }

  /** A stored token, found by the hash of the one presented. */
  public record LinkToken(long id, Purpose purpose, long targetId, Instant expiresAt, Instant usedAt) {

    public boolean used() {
      return usedAt != null;
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

  private final JdbcClient jdbc;

  public LinkTokens(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Creates a token and returns it; this is the only time it exists outside a message. */
  public String issue(Purpose purpose, long targetId, Instant expiresAt, Long messageId) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    jdbc.sql("""
            INSERT INTO cc_link_token (token_hash, purpose, target_id, message_id, expires_at, created_at)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(hash(token), purpose.name(), targetId, messageId, Timestamp.from(expiresAt),
            Timestamp.from(ProcessClock.now().toInstant()))
        .update();
    return token;
  }

  /**
   * The token, if it exists, is for this purpose and has not expired. A forged, altered,
   * expired or wrong-purpose token gives the same empty answer, so nothing is revealed.
   */
  public Optional<LinkToken> findValid(String token, Purpose purpose) {
    if (token == null || !SHAPE.matcher(token).matches()) {
      return Optional.empty();
    }
    Instant now = ProcessClock.now().toInstant();
    return jdbc.sql("SELECT id, purpose, target_id, expires_at, used_at FROM cc_link_token WHERE token_hash = ?")
        .param(hash(token))
        .query((rs, n) -> new LinkToken(rs.getLong(1), Purpose.valueOf(rs.getString(2)), rs.getLong(3),
            rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
        .optional()
        .filter(found -> found.purpose() == purpose && found.expiresAt().isAfter(now));
  }

  /** Records the first use; later uses change nothing. */
  public void markUsed(long id) {
    jdbc.sql("UPDATE cc_link_token SET used_at = ? WHERE id = ? AND used_at IS NULL")
        .params(Timestamp.from(ProcessClock.now().toInstant()), id).update();
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
