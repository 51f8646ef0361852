package org.coproduced.commissioning.notification;

import java.util.Optional;

/**
 * Where to send a message for an expert, read at the moment it is sent, so a change of address or
 * an erasure in between is respected. The experts feature, which keeps the pool, answers.
 */
public interface ExpertAddresses {

  /** An expert's name and email address, if email reaches them. */
  record ExpertAddress(String name, String email, boolean usesTasklist) {}

  /** The address, or empty if the expert is unknown, erased, or does not want email. */
  Optional<ExpertAddress> emailOf(String expertRef);
}
