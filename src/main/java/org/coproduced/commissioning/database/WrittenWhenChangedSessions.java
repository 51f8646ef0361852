package org.coproduced.commissioning.database;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The sign-in store (Spring Session JDBC) as it is used, but writing to the database only what a
 * request changed. Left to itself it writes on every request: the time of the last request, and
 * Camunda's sign-in, which the webapps set again after each request even when nothing in it
 * changed. With 50 people using Tasklist at once, those writes and their commits were the
 * difference between this application and bare Camunda, which keeps sign-ins in memory.
 *
 * <p>Here an attribute is written when its content differs from what the request read (also when
 * the webapps changed it in place, as they do when they refresh a sign-in's groups), and the time
 * of the last request is written when it has moved on by at least {@code lastAccessPrecision}: a
 * sign-in then lasts its 30 minutes without a request to within that precision. Every node still
 * reads the same rows, so sign-ins stay shared.
 */
final class WrittenWhenChangedSessions<S extends Session>
    implements FindByIndexNameSessionRepository<WrittenWhenChangedSessions.TrackedSession>, DisposableBean {

  private final FindByIndexNameSessionRepository<S> store;
  private final Duration lastAccessPrecision;

  WrittenWhenChangedSessions(FindByIndexNameSessionRepository<S> store, Duration lastAccessPrecision) {
    this.store = store;
    this.lastAccessPrecision = lastAccessPrecision;
  }

  @Override
  public TrackedSession createSession() {
    return new TrackedSession(store.createSession(), lastAccessPrecision);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void save(TrackedSession session) {
    session.setAgainWhatChangedInPlace();
    store.save((S) session.stored);
  }

  @Override
  public TrackedSession findById(String id) {
    S found = store.findById(id);
    return found == null ? null : new TrackedSession(found, lastAccessPrecision);
  }

  @Override
  public void deleteById(String id) {
    store.deleteById(id);
  }

  @Override
  public Map<String, TrackedSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
    Map<String, TrackedSession> found = new LinkedHashMap<>();
    store.findByIndexNameAndIndexValue(indexName, indexValue)
        .forEach((id, session) -> found.put(id, new TrackedSession(session, lastAccessPrecision)));
    return found;
  }

  /** The store's own scheduled clean-up of expired sign-ins stops with the application. */
  @Override
  public void destroy() throws Exception {
    if (store instanceof DisposableBean disposable) {
      disposable.destroy();
    }
  }

  /** One request's view of a stored sign-in: remembers what it read, to tell what changed. */
  static final class TrackedSession implements Session {

    private static final SerializingConverter SERIALIZED = new SerializingConverter();
    /** Stands for an attribute that cannot be serialized: always treated as changed. */
    private static final byte[] UNKNOWN = new byte[0];

    private final Session stored;
    private final Duration lastAccessPrecision;
    /** Each attribute read or written so far, as it is (or is about to be) in the database. */
    private final Map<String, byte[]> asStored = new HashMap<>();

    TrackedSession(Session stored, Duration lastAccessPrecision) {
      this.stored = stored;
      this.lastAccessPrecision = lastAccessPrecision;
    }

    @Override
    public <T> T getAttribute(String name) {
      T value = stored.getAttribute(name);
      if (value != null) {
        asStored.computeIfAbsent(name, read -> serialized(value));
      }
      return value;
    }

    @Override
    public void setAttribute(String name, Object value) {
      if (value == null) {
        removeAttribute(name);
        return;
      }
      byte[] before = asStored.computeIfAbsent(name, unread -> serialized(stored.getAttribute(unread)));
      byte[] after = serialized(value);
      if (before != null && before != UNKNOWN && Arrays.equals(before, after)) {
        return; // the same content: nothing to write
      }
      stored.setAttribute(name, value);
      asStored.put(name, after);
    }

    @Override
    public void removeAttribute(String name) {
      stored.removeAttribute(name);
      asStored.remove(name);
    }

    /** Attributes read by this request and changed in place since are written back. */
    void setAgainWhatChangedInPlace() {
      asStored.forEach((name, before) -> {
        Object value = stored.getAttribute(name);
        if (value != null && (before == UNKNOWN || !Arrays.equals(before, serialized(value)))) {
          stored.setAttribute(name, value);
        }
      });
    }

    @Override
    public void setLastAccessedTime(Instant lastAccessedTime) {
      if (Duration.between(stored.getLastAccessedTime(), lastAccessedTime).compareTo(lastAccessPrecision) >= 0) {
        stored.setLastAccessedTime(lastAccessedTime);
      }
    }

    @Override
    public String getId() {
      return stored.getId();
    }

    @Override
    public String changeSessionId() {
      return stored.changeSessionId();
    }

    @Override
    public Set<String> getAttributeNames() {
      return stored.getAttributeNames();
    }

    @Override
    public Instant getCreationTime() {
      return stored.getCreationTime();
    }

    @Override
    public Instant getLastAccessedTime() {
      return stored.getLastAccessedTime();
    }

    @Override
    public void setMaxInactiveInterval(Duration interval) {
      stored.setMaxInactiveInterval(interval);
    }

    @Override
    public Duration getMaxInactiveInterval() {
      return stored.getMaxInactiveInterval();
    }

    @Override
    public boolean isExpired() {
      return stored.isExpired();
    }

    private static byte[] serialized(Object value) {
      if (value == null) {
        return null;
      }
      try {
        return SERIALIZED.convert(value);
      } catch (RuntimeException notSerializable) {
        return UNKNOWN;
      }
    }
  }
}
