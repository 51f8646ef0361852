package org.coproduced.commissioning.records;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One feature's rows that hold an expert's personal data, for erasing them when the expert asks
 * (UK GDPR article 17). Each table's owner erases its own rows and keeps what the pseudonymous
 * history needs; the experts feature calls every implementation in the transaction that wipes
 * the expert's own record. Each touches only its own rows, so their order does not matter.
 */
public interface ExpertRecords {

  /** Erases what this feature holds about the expert that says who they are. */
  void eraseExpert(long expertId, Erasure erasure);

  /**
   * When the erasure happened and who confirmed it, the same for every row it touches.
   *
   * @param confirmedBy the coordinator's user id, or {@code null} when nobody was signed in
   */
  record Erasure(LocalDate on, Instant at, String confirmedBy) {}
}
