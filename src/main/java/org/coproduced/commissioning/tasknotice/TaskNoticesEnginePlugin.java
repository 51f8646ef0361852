package org.coproduced.commissioning.tasknotice;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.coproduced.commissioning.engine.ParseListeners;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of every deployed model its name for what it is about ({@link TaskNames})
 * and the {@link TaskNotices} listener, so no model has to remember them. The naming comes first,
 * so a notice carries the new name. The listener beans are looked up when a task event happens,
 * because they need the engine that this plugin helps to build.
 */
@Component
public class TaskNoticesEnginePlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<TaskNotices> notices;
  private final ObjectProvider<TaskNames> names;

  public TaskNoticesEnginePlugin(ObjectProvider<TaskNotices> notices, ObjectProvider<TaskNames> names) {
    this.notices = notices;
    this.names = names;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    TaskListener listener = task -> notices.getObject().notify(task);
    TaskListener naming = task -> names.getObject().notify(task);
    ParseListeners.addAfterTheEngines(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        // Built-in listeners run in the order added, before the model's own.
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, naming);
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, listener);
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
      }
    });
  }
}
