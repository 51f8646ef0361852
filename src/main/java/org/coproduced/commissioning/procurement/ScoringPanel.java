package org.coproduced.commissioning.procurement;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.coproduced.commissioning.experts.Expert;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.experts.ExpertStatus;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.involvement.matching.DeclaredConflicts;
import org.coproduced.commissioning.notification.SystemAccess;
import org.coproduced.commissioning.procurement.PanelChangeRepository.GoOn;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A scoring panel left short after someone stepped back waits, in the engine, before the moderation:
 * each member's part of {@code SubProcess_Evaluate} that ends while the panel is short waits at
 * {@code Event_PanelSettled}. A coordinator either adds someone found through matching, who joins
 * the running panel (a new instance of the parallel multi-instance, so they declare their
 * interests and then score each bid), or records that the commissioner agreed to go on with the
 * members who remain. Either way, the waiting parts end, and the moderation starts once every
 * member, the newcomer included, has scored.
 */
@Service
public class ScoringPanel {

  static final String CYCLE_PROCESS = "commissioning-cycle";
  static final String EVALUATION = "SubProcess_Evaluate";
  static final String SETTLED_MESSAGE = "ScoringPanelSettled";

  private final ProcurementService procurement;
  private final PanelStrength strength;
  private final PanelChangeRepository changes;
  private final ExpertRepository experts;
  private final DeclaredConflicts conflicts;
  private final RuntimeService runtime;
  private final SystemAccess system;

  public ScoringPanel(ProcurementService procurement, PanelStrength strength, PanelChangeRepository changes,
      ExpertRepository experts, DeclaredConflicts conflicts, RuntimeService runtime, SystemAccess system) {
    this.procurement = procurement;
    this.strength = strength;
    this.changes = changes;
    this.experts = experts;
    this.conflicts = conflicts;
    this.runtime = runtime;
    this.system = system;
  }

  /**
   * Whether the panel is short and nobody has yet agreed to go on with as few members as remain: the
   * gateway {@code Gateway_PanelShort} sends a member's finished part to wait when it is.
   */
  public boolean waitsForNewMember(long cycleId, String commissioner) {
    List<String> remaining = strength.remaining(cycleId, commissioner);
    if (!strength.isShort(remaining)) {
      return false;
    }
    return changes.latestGoOn(cycleId).map(goOn -> remaining.size() < goOn.panelSize()).orElse(true);
  }

  /**
   * Adds an expert to the cycle's running panel: they get *Declare any conflict of interest*, then a
   * *Score a bid* task for each bid, and the parts waiting for a new member end.
   *
   * @param by the coordinator's user id, kept with the change
   * @throws FormInputException with what to correct; nothing is changed
   */
  @Transactional
  public void add(long cycleId, String expertRef, String by) {
    String ref = expertRef == null ? "" : expertRef.strip().toUpperCase(Locale.ROOT);
    if (ref.isEmpty()) {
      throw new FormInputException("Please choose who joins the scoring panel.");
    }
    Expert expert = experts.findByRef(ref).filter(e -> !e.erased())
        .orElseThrow(() -> new FormInputException("There is nobody with the reference " + ref
            + " in the pool. Please choose someone from the list."));
    if (expert.status() != ExpertStatus.ACTIVE) {
      throw new FormInputException(ref + " is not taking part at the moment (paused or left the pool). "
          + "Please choose someone else.");
    }
    if (conflicts.expertsWithConflictsIn(cycleId).contains(expert.id())) {
      throw new FormInputException(ref + " has declared a conflict of interest in this cycle. Please choose someone "
          + "else.");
    }
    Running running = running(cycleId);
    List<String> panel = procurement.evaluatorRefs(cycleId, running.commissioner());
    if (panel.contains(ref)) {
      throw new FormInputException(ref + " is on this scoring panel already. Please choose someone else.");
    }
    changes.recordAdded(cycleId, ref, strength.remaining(cycleId, running.commissioner()).size(), by);
    system.withoutAuthorization(() -> {
      runtime.createProcessInstanceModification(running.processInstanceId())
          .startBeforeActivity(EVALUATION, running.evaluationInstanceId())
          .setVariableLocal(ProcurementVariables.EVALUATOR_REF, ref)
          .execute();
      return null;
    });
    settleIfStrongEnough(cycleId, running);
  }

  /**
   * Records that the coordinator and the commissioner agreed to go on with the members who remain:
   * the moderation starts when they have scored.
   *
   * @throws FormInputException with what to correct; nothing is changed
   */
  @Transactional
  public void goOn(long cycleId, String reason, boolean commissionerAgrees, String by) {
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      throw new FormInputException("Please say why the panel can go on with fewer members.");
    }
    if (why.length() > 4000) {
      throw new FormInputException("Please keep the reason shorter (4,000 characters at most).");
    }
    if (!commissionerAgrees) {
      throw new FormInputException("Please agree it with the commissioner first, and tick that they agree.");
    }
    Running running = running(cycleId);
    changes.recordGoOn(cycleId, strength.remaining(cycleId, running.commissioner()).size(), why, by);
    settleIfStrongEnough(cycleId, running);
  }

  /** The panel as the page shows it: who is on it, who stepped back, whether it waits, and any agreement. */
  public Optional<View> view(long cycleId) {
    return findRunning(cycleId).map(running -> {
      List<String> remaining = strength.remaining(cycleId, running.commissioner());
      List<String> all = procurement.evaluatorRefs(cycleId, running.commissioner());
      return new View(all, all.stream().filter(ref -> !remaining.contains(ref)).toList(), changes.added(cycleId),
          waitsForNewMember(cycleId, running.commissioner()), changes.latestGoOn(cycleId).orElse(null));
    });
  }

  /** The scoring panel of a cycle whose bids are being scored. */
  public record View(List<String> members, List<String> steppedBack, List<String> added, boolean waiting,
      GoOn goOn) {}

  private void settleIfStrongEnough(long cycleId, Running running) {
    if (!waitsForNewMember(cycleId, running.commissioner())) {
      system.withoutAuthorization(() -> runtime.createMessageCorrelation(SETTLED_MESSAGE)
          .processInstanceId(running.processInstanceId()).correlateAllWithResult());
    }
  }

  private Running running(long cycleId) {
    return findRunning(cycleId).orElseThrow(() -> new FormInputException("This cycle's panel is not scoring bids "
        + "now, so nobody can join it or be agreed without. Once the moderation has started, the panel is settled."));
  }

  private Optional<Running> findRunning(long cycleId) {
    return system.withoutAuthorization(() -> {
      ProcessInstance cycle = runtime.createProcessInstanceQuery().processDefinitionKey(CYCLE_PROCESS)
          .processInstanceBusinessKey(String.valueOf(cycleId)).active().singleResult();
      if (cycle == null) {
        return Optional.<Running>empty();
      }
      ActivityInstance body = find(runtime.getActivityInstance(cycle.getId()), EVALUATION + "#multiInstanceBody");
      if (body == null) {
        return Optional.<Running>empty();
      }
      String commissioner = String.valueOf(runtime.getVariable(cycle.getId(), ProcurementVariables.COMMISSIONER));
      return Optional.of(new Running(cycle.getId(), body.getId(), commissioner));
    });
  }

  private static ActivityInstance find(ActivityInstance instance, String activityId) {
    if (activityId.equals(instance.getActivityId())) {
      return instance;
    }
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      ActivityInstance found = find(child, activityId);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private record Running(String processInstanceId, String evaluationInstanceId, String commissioner) {}
}
