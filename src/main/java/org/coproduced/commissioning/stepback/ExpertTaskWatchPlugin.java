package org.coproduced.commissioning.stepback;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.coproduced.commissioning.engine.ParseListeners;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Starts an {@link ExpertTaskWatch} for every expert task of every version of the cycle model,
 * those released in 0.1.0 included, as a built-in listener: a model change could not reach the
 * cycles already running. The watch bean is looked up when a task is made, because it needs the
 * engine this plugin helps to build.
 */
@Component
public class ExpertTaskWatchPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<ExpertTaskWatch> watch;

  public ExpertTaskWatchPlugin(ObjectProvider<ExpertTaskWatch> watch) {
    this.watch = watch;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    TaskListener starter = task -> watch.getObject().start(task);
    ParseListeners.addAfterTheEngines(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (ExpertTaskWatch.WATCHED.contains(activity.getId())) {
          ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
              .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, starter);
        }
      }
    });
  }
}
