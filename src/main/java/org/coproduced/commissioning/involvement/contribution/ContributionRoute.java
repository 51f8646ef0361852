package org.coproduced.commissioning.involvement.contribution;

/**
 * How a contribution reached us: column {@code cc_contribution.route}. Every route counts for the
 * gate and carries the same "you said, we did" promise; auditors see which route each came by.
 */
public enum ContributionRoute {
  /** Said at the session, recorded by the coordinator. */
  SESSION,
  /** Written or recorded by an invited expert who could not come. */
  WRITTEN,
  /** Views a peer researcher gathered from people who do not come to meetings. */
  PEER_RESEARCH
}
