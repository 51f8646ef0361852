package org.coproduced.commissioning.privacy;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Removes personal text from the engine when any user task completes, after the task's own
 * listeners have read it into the application's tables: every {@code private*} field, and the
 * notes about a person that forms ask for under other names. A listener that forgot to take a
 * private field cannot leave it in the engine this way, and Cockpit never shows these texts
 * among a running instance's variables.
 */
public class PersonalFieldRemover extends AbstractBpmnParseListener {

  /**
   * Notes about a person that their task's listener stores in the application's tables:
   * a panel member's links to a bidder, how feedback reached someone, the commissioner's explanation of
   * the award to the experts (it may name people). (What expenses were for is
   * a {@code private*} field.)
   */
  public static final Set<String> PERSONAL_NOTES = Set.of("conflictDetails", "deliveryNotes", "reasonForExperts");

  private static final TaskListener REMOVE = PersonalFieldRemover::removePersonalFields;

  /** Whether a variable or form field holds personal text that must not stay in the engine. */
  public static boolean isPersonal(String name) {
    return name != null && (name.startsWith(PrivateVariableHistoryFilter.PRIVATE_PREFIX) || PERSONAL_NOTES.contains(name));
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
      // Parse listeners run after the task's own listeners were read, so this one comes last.
      userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE, REMOVE);
    }
  }

  static void removePersonalFields(DelegateTask task) {
    for (String name : task.getVariableNames()) {
      if (isPersonal(name)) {
        task.removeVariable(name);
      }
    }
  }
}
