package org.coproduced.commissioning.involvement.matching;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.coproduced.commissioning.experts.ContactChannel;
import org.coproduced.commissioning.experts.Expert;
import org.coproduced.commissioning.experts.ExpertStatus;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Commitment;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Demand;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Pooled;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Session;

/** Experts and sessions for the matching rules, without a database. */
final class PoolFixture {

  static final LocalDate SESSION_DAY = LocalDate.of(2027, 3, 10);
  static final LocalDateTime SESSION_START = SESSION_DAY.atTime(10, 0);

  private PoolFixture() {}

  /** A pooled expert who is cleared for the session day, experienced, with homelessness. */
  static Builder expert(long id) {
    return new Builder(id);
  }

  static Demand demand(int places, String... areas) {
    return new Demand(new Session(SESSION_START, 2), places, new LinkedHashSet<>(List.of(areas)), Set.of());
  }

  static Demand demand(Session session, int places, String... areas) {
    return new Demand(session, places, new LinkedHashSet<>(List.of(areas)), Set.of());
  }

  static Commitment given(LocalDateTime start, int hours) {
    return new Commitment(new Session(start, hours), hours);
  }

  static final class Builder {
    private final long id;
    private Set<String> areas = new LinkedHashSet<>(List.of("homelessness"));
    private ExpertStatus status = ExpertStatus.ACTIVE;
    private LocalDate pausedUntil;
    private boolean erased;
    private LocalDate consentReview = SESSION_DAY.plusMonths(6);
    private LocalDate wellbeingReview = SESSION_DAY.plusMonths(3);
    private boolean experienced = true;
    private boolean firstTimer;
    private boolean conflicted;
    private String buddy;
    private final List<Commitment> commitments = new ArrayList<>();

    private Builder(long id) {
      this.id = id;
    }

    Builder areas(String... values) {
      areas = new LinkedHashSet<>(List.of(values));
      return this;
    }

    Builder status(ExpertStatus value, LocalDate until) {
      status = value;
      pausedUntil = until;
      return this;
    }

    Builder erased() {
      erased = true;
      return this;
    }

    Builder consentReview(LocalDate value) {
      consentReview = value;
      return this;
    }

    Builder wellbeingReview(LocalDate value) {
      wellbeingReview = value;
      return this;
    }

    Builder newcomer(String buddyRef) {
      experienced = false;
      firstTimer = true;
      buddy = buddyRef;
      return this;
    }

    Builder conflicted() {
      conflicted = true;
      return this;
    }

    Builder committed(LocalDateTime start, int hours) {
      commitments.add(given(start, hours));
      return this;
    }

    Pooled build() {
      Expert expert = new Expert(id, ref(id), null, "Expert " + id, ContactChannel.EMAIL, areas, "payment",
          consentReview, wellbeingReview, buddy, experienced, status, pausedUntil, erased);
      return new Pooled(expert, firstTimer, conflicted, List.copyOf(commitments));
    }
  }

  static String ref(long id) {
    return "EX-%04d".formatted(id);
  }
}
