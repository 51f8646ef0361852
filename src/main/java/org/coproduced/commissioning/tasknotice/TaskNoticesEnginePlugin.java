package org.coproduced.commissioning.tasknotice;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of every deployed model the {@link TaskNotices} listener, so no model
 * has to remember it. The listener bean is looked up when a task event happens, because it
 * needs the engine that this plugin helps to build.
 */
@Component
public class TaskNoticesEnginePlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<TaskNotices> notices;

  public TaskNoticesEnginePlugin(ObjectProvider<TaskNotices> notices) {
    this.notices = notices;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    TaskListener listener = task -> notices.getObject().notify(task);
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, listener);
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }
}
