package org.coproduced.commissioning.feedback;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.springframework.stereotype.Service;

/**
 * Whether the coordinator has checked that a cycle's answers read plainly: a check was completed,
 * none is open, and no answer is missing or waiting to be reworded. Only then may the answers go
 * further, for example onto the cycle's public page.
 */
@Service
public class PlainEnglishChecks {

  static final String CHECK_TASK = "Activity_CheckPlainEnglish";

  private final HistoryService history;
  private final TaskService tasks;
  private final ContributionRepository contributions;

  public PlainEnglishChecks(HistoryService history, TaskService tasks, ContributionRepository contributions) {
    this.history = history;
    this.tasks = tasks;
    this.contributions = contributions;
  }

  /** True once the coordinator's plain-English check of the cycle's answers has passed. */
  public boolean answersChecked(long cycleId) {
    String businessKey = String.valueOf(cycleId);
    List<String> deliveries = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(FeedbackVariables.PROCESS_ID).processInstanceBusinessKey(businessKey).list().stream()
        .map(HistoricProcessInstance::getId).toList();
    if (deliveries.isEmpty() || !contributions.idsToAnswer(cycleId).isEmpty()) {
      return false;
    }
    boolean checkOpen = tasks.createTaskQuery().processDefinitionKey(FeedbackVariables.PROCESS_ID)
        .processInstanceBusinessKey(businessKey).taskDefinitionKey(CHECK_TASK).count() > 0;
    boolean checkDone = deliveries.stream().anyMatch(id -> history.createHistoricActivityInstanceQuery()
        .processInstanceId(id).activityId(CHECK_TASK).finished().count() > 0);
    return checkDone && !checkOpen;
  }
}
