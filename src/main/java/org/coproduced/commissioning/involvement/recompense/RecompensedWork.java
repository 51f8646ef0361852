package org.coproduced.commissioning.involvement.recompense;

/**
 * What an expert's time in a ledger entry was for. Stored by name in {@code cc_recompense.work},
 * so the names are the stored values and must not change; the words are what people read.
 */
public enum RecompensedWork {
  SESSION("Sessions", "at the session"),
  SPECIFICATION_REVIEW("Reviewing the specification", "reviewing the specification"),
  MEDIATION_MEETING("Meetings to agree the specification", "at the meeting to agree the specification"),
  PEER_RESEARCH("Peer research", "gathering views as a peer researcher"),
  /** Thoughts sent in writing or by a recording by someone invited who could not come (one entry per gate). */
  WRITTEN_CONTRIBUTION("Thoughts sent instead of coming", "writing or recording their thoughts");

  private final String words;
  private final String hoursSpent;

  RecompensedWork(String words, String hoursSpent) {
    this.words = words;
    this.hoursSpent = hoursSpent;
  }

  /** Plain words for auditors and coordinators, such as "Reviewing the specification". */
  public String words() {
    return words;
  }

  /** Where the hours went, after a number of hours: "2 reviewing the specification". */
  public String hoursSpent() {
    return hoursSpent;
  }
}
