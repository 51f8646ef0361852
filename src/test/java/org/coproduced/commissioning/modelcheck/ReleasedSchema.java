package org.coproduced.commissioning.modelcheck;

import java.util.Map;

/**
 * The application's own tables as release 0.1.0 left them: Flyway migrations V1 to V5, the ones
 * in {@code src/main/resources/db/migration/} at commit 24caa2f, from which {@code released/0.1.0/}
 * was copied (the parent of d0cdf25, "Models call named beans instead of setting variables in
 * expressions"; V6 came later).
 * Kept as a version and checksums rather than a copy of the SQL, because those files have not
 * changed since: Flyway refuses to start on a database whose applied migration's file was edited
 * afterwards, so the checksums pin them for every council that installed 0.1.0.
 */
final class ReleasedSchema {

  /** The last migration 0.1.0 applied; {@code spring.flyway.target} stops there. */
  static final String VERSION = "5";

  /** Flyway's checksum of each migration 0.1.0 applied. */
  static final Map<String, Integer> CHECKSUMS = Map.of("1", 1749203188, "2", 1287745255, "3", -68469943,
      "4", 1967436505, "5", -647903793);

  private ReleasedSchema() {}
}
