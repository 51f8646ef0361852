package org.coproduced.commissioning.publication;

/** Where a cycle's public summary is, as {@code cc_public_summary.status} keeps it (by name). */
public enum PublicSummaryStatus {
  /** Written or changed by the commissioner: the coordinator has to approve the wording. */
  DRAFTED,
  /** The coordinator approved the wording: the commissioner may publish it. */
  APPROVED,
  /** On the public pages. */
  PUBLISHED,
  /** Taken off the public pages by the commissioner. */
  WITHDRAWN
}
