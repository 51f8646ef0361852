package org.coproduced.commissioning.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a node of the cluster tests has beyond the application: the job side-effect counter on
 * every asynchronous step and timer, and a meeting point that makes two reviews complete at the
 * same moment. Active only on the profile {@code cluster-test}.
 */
@Configuration(proxyBeanMethods = false)
@Profile("cluster-test")
public class ClusterNodeConfiguration {

  /**
   * When set, each completion of a specification review waits here until the other one has arrived
   * too, so both read the same state before either writes. Once both have met, later attempts (the
   * retry of the one that lost) pass straight through.
   */
  public static final AtomicReference<CountDownLatch> REVIEWS_MEET = new AtomicReference<>();

  @Bean
  JobRunRecorder jobRunRecorder(JdbcClient jdbc, @Value("${cluster-test.node}") String node,
      @Value("${cluster-test.hang-in:}") String hangIn, @Value("${cluster-test.hang-for:PT0S}") Duration hangFor,
      @Value("${cluster-test.hang-signal:}") String hangSignal) {
    return new JobRunRecorder(jdbc, node, hangIn.isBlank() ? null : hangIn, hangFor,
        hangSignal.isBlank() ? null : Path.of(hangSignal));
  }

  @Bean
  ProcessEnginePlugin clusterTestHooks(JobRunRecorder recorder) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
          configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new Hooks(recorder));
      }
    };
  }

  static final class Hooks extends AbstractBpmnParseListener {

    private final JobRunRecorder recorder;

    Hooks(JobRunRecorder recorder) {
      this.recorder = recorder;
    }

    @Override
    public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      if (activity.isAsyncBefore()) {
        activity.addListener(ExecutionListener.EVENTNAME_START, recorder);
      }
    }

    @Override
    public void parseIntermediateTimerEventDefinition(Element element, ActivityImpl timerActivity) {
      timerActivity.addListener(ExecutionListener.EVENTNAME_END, recorder);
    }

    @Override
    public void parseBoundaryTimerEventDefinition(Element element, boolean interrupting, ActivityImpl timerActivity) {
      timerActivity.addListener(ExecutionListener.EVENTNAME_START, recorder);
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      if ("Activity_ReviewSpecification".equals(activity.getId())) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addTaskListener(TaskListener.EVENTNAME_COMPLETE, task -> {
              CountDownLatch meeting = REVIEWS_MEET.get();
              if (meeting != null) {
                // Both completions read the shared count of finished reviews before either writes it.
                task.getExecution().getVariable("nrOfCompletedInstances");
                meeting.countDown();
                try {
                  if (!meeting.await(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the other review did not arrive");
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  throw new IllegalStateException(e);
                }
              }
            });
      }
    }
  }
}
