package org.coproduced.commissioning.experts;

import java.time.LocalDate;
import java.util.Map;

/**
 * The hours experts gave at sessions and preparing for them, and reviewing a specification or at
 * meetings to agree one (the same hours matching counts towards the limit). Sessions are the involvement
 * feature's records, and involvement already depends on experts: so experts states what it needs
 * here and involvement answers it, and the two never depend on each other both ways.
 */
public interface SessionHours {

  /** Hours each expert gave in sessions and other work from {@code from} to {@code to}, by expert id; absent means none. */
  Map<Long, Integer> byExpertBetween(LocalDate from, LocalDate to);
}
