package org.coproduced.commissioning.resilience;

import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * A node that is stopped (a deployment, scaling in) finishes the jobs it is running and hands back
 * the ones it had fetched but not started, so another node runs them at once instead of waiting
 * for their lock to expire. Without this, the job threads would be interrupted at shutdown.
 */
@Configuration(proxyBeanMethods = false)
public class GracefulJobShutdown {

  /** The starter's thread pool for jobs, named by the starter. */
  static final String JOB_THREADS = "camundaTaskExecutor";

  @Bean
  static BeanPostProcessor jobThreadsFinishTheirWork(
      @Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration timeout) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (JOB_THREADS.equals(beanName) && bean instanceof ThreadPoolTaskExecutor threads) {
          threads.setWaitForTasksToCompleteOnShutdown(true);
          threads.setAwaitTerminationMillis(timeout.toMillis());
        }
        return bean;
      }
    };
  }

  /**
   * Stops fetching jobs before anything else stops. Jobs fetched but not started are unlocked by
   * the engine once its job executor is no longer active.
   */
  @Bean
  SmartLifecycle jobAcquisitionStopsFirst(ProcessEngine engine) {
    return new SmartLifecycle() {
      private volatile boolean running;

      @Override
      public void start() {
        running = true;
      }

      @Override
      public void stop() {
        running = false;
        JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        if (jobExecutor != null && jobExecutor.isActive()) {
          jobExecutor.shutdown();
        }
      }

      @Override
      public boolean isRunning() {
        return running;
      }

      @Override
      public int getPhase() {
        // Stopped before the web server and the job threads (higher phases stop first).
        return Integer.MAX_VALUE - 1;
      }
    };
  }
}
