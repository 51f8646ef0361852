package org.coproduced.commissioning.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that starts its own JVMs or databases, takes them away, or measures at scale: it runs in
 * the {@code faults} profile ({@code ./mvnw verify -Pfaults}, after the default run in
 * {@code .ci/run}), not in the default {@code ./mvnw verify}, which it would more than double.
 * The pom selects by the tag, so annotating a class is all a new such test needs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(FaultsProfile.TAG)
public @interface FaultsProfile {

  /** The JUnit tag the pom's executions include or exclude. */
  String TAG = "faults";
}
