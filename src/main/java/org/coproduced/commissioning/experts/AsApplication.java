package org.coproduced.commissioning.experts;

import java.util.concurrent.Callable;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Runs an engine call as the application rather than as the person whose task led to it: looking
 * up a Tasklist user while a coordinator registers an expert, evaluating the recompense decision
 * table, removing an erased expert's sign-in. Authorization still applies to everything people do
 * directly; these are the application's own rules.
 */
public final class AsApplication {

  private AsApplication() {}

  public static <T> T call(Callable<T> work) {
    CommandContext context = Context.getCommandContext();
    if (context != null) {
      return context.runWithoutAuthorization(work);
    }
    try {
      return work.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }
}
