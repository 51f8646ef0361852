package org.coproduced.commissioning.procurement;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.coproduced.commissioning.stepback.ExpertTaskProperties;
import org.coproduced.commissioning.stepback.FollowUpReason;
import org.coproduced.commissioning.stepback.FollowUps;
import org.coproduced.commissioning.stepback.StepBacks;
import org.springframework.stereotype.Component;

/**
 * Whether the scoring panel can go on after someone stepped back: it does while at least
 * {@code coproduction.expert-tasks.scoring-panel-minimum} members remain, one of them an expert.
 * Below that the coordinators get a task to find someone else through matching (or to agree with
 * the commissioner to go on); those who remain score on meanwhile, and the moderation waits
 * ({@link ScoringPanel}).
 */
@Component
public class PanelStrength {

  private final ProcurementService procurement;
  private final StepBacks stepBacks;
  private final FollowUps followUps;
  private final ExpertTaskProperties properties;

  public PanelStrength(ProcurementService procurement, StepBacks stepBacks, FollowUps followUps,
      ExpertTaskProperties properties) {
    this.procurement = procurement;
    this.stepBacks = stepBacks;
    this.followUps = followUps;
    this.properties = properties;
  }

  /** The panel members who have not stepped back from declaring or scoring. */
  public List<String> remaining(long cycleId, String commissioner) {
    List<String> gone = stepBacks.steppedBack(cycleId, ExpertTaskProperties.DECLARE_INTERESTS,
        ExpertTaskProperties.SCORE_BID);
    return procurement.evaluatorRefs(cycleId, commissioner).stream().filter(ref -> !gone.contains(ref)).toList();
  }

  /** Whether these remaining members are too few, or include no expert. */
  boolean isShort(List<String> remaining) {
    boolean expertRemains = remaining.stream().anyMatch(ref -> !ref.startsWith(ProcurementService.OFFICER_PREFIX));
    return remaining.size() < properties.scoringPanelMinimum() || !expertRemains;
  }

  /** After {@code evaluatorRef} stepped back from this task: asks the coordinators for help if the panel is short. */
  void afterStepBack(DelegateTask task, long cycleId, String evaluatorRef) {
    List<String> remaining = remaining(cycleId, String.valueOf(task.getVariable(ProcurementVariables.COMMISSIONER)));
    if (isShort(remaining)) {
      Long requestId = task.getVariable("evaluationRequestId") instanceof Number n ? n.longValue() : null;
      followUps.ask(FollowUpReason.PANEL_SHORT, cycleId, evaluatorRef, task.getTaskDefinitionKey(), task.getId(),
          requestId);
    }
  }
}
