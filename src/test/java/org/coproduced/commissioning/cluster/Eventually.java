package org.coproduced.commissioning.cluster;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits, bounded in time, for something the job executors or a restarted database will bring about. */
public final class Eventually {

  private Eventually() {}

  public static <T> T await(String what, Duration limit, Supplier<T> value, Predicate<T> done) {
    long deadline = System.nanoTime() + limit.toNanos();
    T last = null;
    RuntimeException lastProblem = null;
    while (System.nanoTime() < deadline) {
      try {
        last = value.get();
        if (done.test(last)) {
          return last;
        }
      } catch (RuntimeException problem) {
        lastProblem = problem;
      }
      sleep(Duration.ofMillis(250));
    }
    AssertionError failure = new AssertionError("Waited " + limit.toSeconds() + " s for " + what + "; last seen: " + last);
    if (lastProblem != null) {
      failure.addSuppressed(lastProblem);
    }
    throw failure;
  }

  public static void sleep(Duration duration) {
    try {
      Thread.sleep(Math.max(0, duration.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
