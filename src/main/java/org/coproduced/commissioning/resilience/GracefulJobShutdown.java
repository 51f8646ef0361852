package org.coproduced.commissioning.resilience;

import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * A node that is stopped (a new release, scaling in) finishes the jobs it is running and hands back
 * the ones it had fetched but not started, so another node runs them at once instead of waiting
 * for their lock to expire. It runs before anything else stops, while the engine and the database
 * connections are still there; the wait is bounded by {@code spring.lifecycle.timeout-per-shutdown-phase}.
 */
@Component
public class GracefulJobShutdown implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(GracefulJobShutdown.class);

  private final ProcessEngine engine;
  private final ObjectProvider<ThreadPoolTaskExecutor> jobThreads;
  private final Duration timeout;
  private volatile boolean running;

  public GracefulJobShutdown(ProcessEngine engine,
      @Qualifier("camundaTaskExecutor") ObjectProvider<ThreadPoolTaskExecutor> jobThreads,
      @Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration timeout) {
    this.engine = engine;
    this.jobThreads = jobThreads;
    this.timeout = timeout;
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    if (jobExecutor == null || !jobExecutor.isActive()) {
      return;
    }
    // No more jobs are fetched; fetched jobs that have not started are unlocked by the engine.
    jobExecutor.shutdown();
    ThreadPoolTaskExecutor threads = jobThreads.getIfAvailable();
    if (threads == null) {
      return;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (threads.getActiveCount() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    if (threads.getActiveCount() > 0) {
      LOG.warn("{} jobs were still running after {}; they will be run again by another node when their lock expires",
          threads.getActiveCount(), timeout);
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    // Higher phases stop first: before the web server stops taking requests and before the job threads.
    return Integer.MAX_VALUE - 1;
  }
}
