package org.coproduced.commissioning.involvement.contribution;

/**
 * How a contribution reached us: column {@code cc_contribution.route}. Every route counts for the
 * gate and carries the same "you said, we did" promise; auditors see which route each came by.
 */
public enum ContributionRoute {
  /** Said at the session, recorded by the coordinator. */
  SESSION("session"),
  /** Written or recorded by an invited expert who could not come. */
  WRITTEN("written"),
  /** Views a peer researcher gathered from people who do not come to meetings. */
  PEER_RESEARCH("peer research");

  private final String words;

  ContributionRoute(String words) {
    this.words = words;
  }

  /** The route in the auditors' words: "session", "written", "peer research". */
  public String words() {
    return words;
  }
}
