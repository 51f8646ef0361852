package org.coproduced.commissioning.publication;

/** What someone did to a cycle's public summary, as {@code cc_public_event.action} keeps it (by name). */
public enum PublicAction {
  DRAFTED,
  CHANGED,
  APPROVED,
  PUBLISHED,
  WITHDRAWN
}
