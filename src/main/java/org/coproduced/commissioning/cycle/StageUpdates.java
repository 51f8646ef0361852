package org.coproduced.commissioning.cycle;

import org.coproduced.commissioning.modelcheck.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.coproduced.commissioning.experts.ExpertContacts;
import org.coproduced.commissioning.experts.ExpertContacts.ExpertContact;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.notification.Contacts;
import org.coproduced.commissioning.notification.MessageQueue;
import org.coproduced.commissioning.notification.Recipient;
import org.springframework.stereotype.Component;

/**
 * "Where things are now": after each stage of a cycle, everyone who has contributed so far hears
 * what the stage decided and what comes next, by email, or through a coordinator if they prefer
 * post or phone. Called when a stage's decisions are done, by the cycle model's stage listeners
 * ({@code cycle.AnalyseStageFinishedListener} and its siblings).
 */
@Component
public class StageUpdates {

  /** The stages of a cycle, and the variable holding the request of each stage's gate. */
  private static final Map<Stage, String> GATE_REQUEST = Map.of(Stage.ANALYSE, "analyseRequestId",
      Stage.PLAN, "planRequestId", Stage.DO, "evaluationRequestId", Stage.REVIEW, "reviewRequestId");

  private final ContributionRepository contributions;
  private final ExpertContacts experts;
  private final Contacts contacts;
  private final MessageQueue queue;

  public StageUpdates(ContributionRepository contributions, ExpertContacts experts, Contacts contacts,
      MessageQueue queue) {
    this.contributions = contributions;
    this.experts = experts;
    this.contacts = contacts;
    this.queue = queue;
  }

  /**
   * Queues the update for everyone who has contributed to the cycle so far.
   *
   * @param stage the stage whose decisions are done
   * @param gateRequestId the request of the stage's expert gate, or {@code null}: a recommissioned
   *     cycle goes through a stage again, and its gate's new request tells the rounds apart, so each
   *     round's update is sent once
   */
  public void stageFinished(long cycleId, Stage stage, Long gateRequestId) {
    String round = "stage-update/" + cycleId + "/" + stage + "/" + (gateRequestId == null ? "0" : gateRequestId);
    List<String> offline = new ArrayList<>();
    for (String ref : contributions.contributorRefs(cycleId, null)) {
      ExpertContact expert = experts.expert(ref).orElse(null);
      if (expert == null || expert.erased()) {
        continue;
      }
      if (expert.reachableByEmail()) {
        queue.queue(round + "/" + ref, Recipient.expert(ref), new StageUpdateMessage(cycleId, stage));
      } else {
        offline.add(ref);
      }
    }
    if (!offline.isEmpty()) {
      for (String coordinator : contacts.coordinators()) {
        queue.queue(round + "/offline/" + coordinator, Recipient.user(coordinator),
            new OfflineStageUpdateMessage(cycleId, stage, offline));
      }
    }
  }

  /**
   * The entry point of the cycle models released in 0.1.0 (commissioning-cycle, version tag 1),
   * whose flows call {@code ${stageUpdates.stageFinished(execution, 'ANALYSE')}}; cycles started
   * on them still do, for years. Current models call the stage listeners instead. Remove this
   * (and the map of gate variables) once no instance of those models runs: migrated or finished.
   */
  public void stageFinished(DelegateExecution execution, String stage) {
    Stage finished = Stage.valueOf(stage);
    Object request = execution.getVariable(GATE_REQUEST.get(finished));
    stageFinished(TaskForm.of(execution).id("cycleId"), finished,
        request == null ? null : ((Number) request).longValue());
  }
}
