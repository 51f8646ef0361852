package org.coproduced.commissioning.procurement;

import static org.coproduced.commissioning.procurement.ProcurementVariables.*;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.notification.SystemAccess;
import org.coproduced.commissioning.stepback.ExpertTaskProperties;
import org.coproduced.commissioning.stepback.StepBackVariables;
import org.coproduced.commissioning.stepback.StepBacks;
import org.coproduced.commissioning.stepback.TaskKinds;
import org.springframework.stereotype.Component;

/**
 * Saves one evaluator's scores for one bid; their notes stay out of the engine. Someone who steps
 * back leaves no score: the moderation works from the scores given ({@link ProcurementService#scoreSummary}).
 * Stepping back from one bid ends their other open bids too (one thank-you, one coordinator task),
 * as "I can't do this now" means, unless they ticked "Only this bid".
 */
@Component
public class BidScoreListener implements TaskListener {

  /** The first cycle model whose form offers "Only this bid"; older forms said only this task would end. */
  static final int FIRST_VERSION_ENDING_ALL_BIDS = 4;

  private final ProcurementRepository procurement;
  private final StepBacks stepBacks;
  private final PanelStrength panel;
  private final SystemAccess system;

  public BidScoreListener(ProcurementRepository procurement, StepBacks stepBacks, PanelStrength panel,
      SystemAccess system) {
    this.procurement = procurement;
    this.stepBacks = stepBacks;
    this.panel = panel;
    this.system = system;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    String notes = form.takePrivateText(PRIVATE_SCORE_NOTES, "Why you gave these scores", TaskForm.LONG_TEXT);
    long cycleId = procurement.bid(form.id(BID_ID)).cycleId();
    String evaluatorRef = form.processText(EVALUATOR_REF);
    if (stepBacks.handleAlong(task, cycleId, evaluatorRef)) {
      return; // ended with the bid they stepped back from, which thanked them and told the coordinators
    }
    boolean onlyThisBid = onlyThisBid(task);
    String kind = onlyThisBid ? TaskKinds.SCORE_THIS_BID_ONLY : ExpertTaskProperties.SCORE_BID;
    Object choice = task.getVariable(StepBackVariables.STEP_BACK);
    if (stepBacks.handle(task, cycleId, evaluatorRef, kind)) {
      if (!onlyThisBid) {
        // The expert may not see the coordinators' copies of their tasks; this is the engine's own step.
        system.withoutAuthorization(() -> {
          endOtherBids(task, evaluatorRef, choice);
          return null;
        });
        panel.afterStepBack(task, cycleId, evaluatorRef);
      }
      return;
    }
    procurement.saveScore(form.id(BID_ID), evaluatorRef, ScoreFields.read(form), notes);
  }

  private static boolean onlyThisBid(DelegateTask task) {
    Object ticked = task.getVariable(ONLY_THIS_BID);
    task.removeVariable(ONLY_THIS_BID);
    if (ticked == null) {
      String tag = task.getProcessEngineServices().getRepositoryService()
          .getProcessDefinition(task.getProcessDefinitionId()).getVersionTag();
      return tag != null && tag.matches("\\d+") && Integer.parseInt(tag) < FIRST_VERSION_ENDING_ALL_BIDS;
    }
    return Boolean.TRUE.equals(ticked);
  }

  /** Ends this evaluator's other open bids in the same evaluation, as part of this step back. */
  private static void endOtherBids(DelegateTask task, String evaluatorRef, Object choice) {
    TaskService tasks = task.getProcessEngineServices().getTaskService();
    List<Task> others = tasks.createTaskQuery().processInstanceId(task.getProcessInstanceId())
        .taskDefinitionKey(task.getTaskDefinitionKey()).list().stream()
        .filter(other -> !other.getId().equals(task.getId()))
        .filter(other -> evaluatorRef.equals(tasks.getVariable(other.getId(), EVALUATOR_REF)))
        .toList();
    for (Task other : others) {
      tasks.setVariableLocal(other.getId(), StepBackVariables.STEPPED_BACK_ALONG_WITH, task.getId());
      tasks.setVariableLocal(other.getId(), StepBackVariables.STEP_BACK, choice);
      tasks.complete(other.getId());
    }
  }
}
