package org.coproduced.commissioning.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The outbox, table {@code cc_message}. Every state change is one conditional UPDATE, so two
 * nodes can never both move the same message on.
 */
@Repository
public class MessageOutbox {

  private static final String SELECT = """
      SELECT id, idempotency_key, kind, recipient_type, recipient, params, status, attempts, last_error, subject,
        created_at, sent_at FROM cc_message""";
  private static final TypeReference<TreeMap<String, String>> PARAMS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  public MessageOutbox(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Adds a PENDING message unless one with the same key exists; returns the new id, if added. */
  public Optional<Long> insertIfAbsent(String key, String kind, Recipient recipient, Map<String, String> params,
      Instant now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    int rows = jdbc.sql("""
            INSERT INTO cc_message (idempotency_key, kind, recipient_type, recipient, params, status, created_at)
            SELECT ?, ?, ?, ?, ?, 'PENDING', CAST(? AS TIMESTAMP) WHERE NOT EXISTS (SELECT 1 FROM cc_message WHERE idempotency_key = ?)""")
        .params(key, kind, recipient.type().name(), recipient.id(), write(params), Timestamp.from(now), key)
        .update(keys, "id");
    return rows == 1 ? Optional.of(keys.getKey().longValue()) : Optional.empty();
  }

  public Optional<OutboxMessage> find(long id) {
    return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(this::map).optional();
  }

  public Optional<OutboxMessage> findByKey(String key) {
    return jdbc.sql(SELECT + " WHERE idempotency_key = ?").param(key).query(this::map).optional();
  }

  /** The Message-ID header the message was sent with, once sent. */
  public Optional<String> mailMessageIdOf(long id) {
    return jdbc.sql("SELECT mail_message_id FROM cc_message WHERE id = ?").param(id).query(String.class).list()
        .stream().filter(java.util.Objects::nonNull).findFirst();
  }

  /** The newest messages first. */
  public List<OutboxMessage> recent(int limit) {
    return jdbc.sql(SELECT + " ORDER BY id DESC FETCH FIRST ? ROWS ONLY").param(limit).query(this::map).list();
  }

  /**
   * Claims a message for sending: PENDING, or SENDING by a node whose claim has run out. Only one
   * caller can win; returns whether this one did.
   */
  public boolean claim(long id, String owner, Instant now, Instant lockedUntil) {
    return jdbc.sql("""
            UPDATE cc_message SET status = 'SENDING', lock_owner = ?, locked_until = ?, attempts = attempts + 1
            WHERE id = ? AND (status = 'PENDING' OR (status = 'SENDING' AND locked_until < ?))""")
        .params(owner, Timestamp.from(lockedUntil), id, Timestamp.from(now)).update() == 1;
  }

  /** Gives a claimed message back after a failed attempt, with what went wrong. */
  public void release(long id, String owner, String error) {
    jdbc.sql("""
            UPDATE cc_message SET status = 'PENDING', lock_owner = NULL, locked_until = NULL, last_error = ?
            WHERE id = ? AND status = 'SENDING' AND lock_owner = ?""")
        .params(shorten(error, 1000), id, owner).update();
  }

  /** Records that the mail server accepted the message. */
  public void markSent(long id, String owner, String subject, String mailMessageId, Instant now) {
    int rows = jdbc.sql("""
            UPDATE cc_message SET status = 'SENT', subject = ?, mail_message_id = ?, sent_at = ?, lock_owner = NULL,
              locked_until = NULL, last_error = NULL
            WHERE id = ? AND status = 'SENDING' AND lock_owner = ?""")
        .params(shorten(subject, 300), mailMessageId, Timestamp.from(now), id, owner).update();
    if (rows != 1) {
      throw new IllegalStateException("Message " + id + " was sent, but another node had taken it over meanwhile");
    }
  }

  /** Records that the message will not be sent (undeliverable, or no longer needed), and why. */
  public void markNotSent(long id, String owner, OutboxMessage.Status status, String reason) {
    jdbc.sql("""
            UPDATE cc_message SET status = ?, lock_owner = NULL, locked_until = NULL, last_error = ?
            WHERE id = ? AND status = 'SENDING' AND lock_owner = ?""")
        .params(status.name(), shorten(reason, 1000), id, owner).update();
  }

  private OutboxMessage map(ResultSet rs, int row) throws SQLException {
    Timestamp sent = rs.getTimestamp("sent_at");
    return new OutboxMessage(rs.getLong("id"), rs.getString("idempotency_key"), rs.getString("kind"),
        new Recipient(Recipient.Type.valueOf(rs.getString("recipient_type")), rs.getString("recipient")),
        read(rs.getString("params")), OutboxMessage.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
        rs.getString("last_error"), rs.getString("subject"), rs.getTimestamp("created_at").toInstant(),
        sent == null ? null : sent.toInstant());
  }

  private String write(Map<String, String> params) {
    try {
      return json.writeValueAsString(new TreeMap<>(params));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Message parameters cannot be stored", e);
    }
  }

  private Map<String, String> read(String text) {
    try {
      return json.readValue(text, PARAMS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored message parameters cannot be read", e);
    }
  }

  private static String shorten(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
