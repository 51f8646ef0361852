package org.coproduced.commissioning.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.cycle.CycleCancellation;
import org.coproduced.commissioning.support.CycleDriver;

/**
 * The work the cluster tests run: a cycle through its ANALYSE gate (invitations, then a session
 * timer that a job executor fires), then stopped, so it ends through feedback: every contribution
 * answered, every contributor's feedback delivered, then two asynchronous steps (the feedback
 * guard and the closing of the cycle) run by the job executors.
 */
final class ClusterWork {

  static final String STOP_REASON = "The council withdrew the budget for this service this year.";
  static final List<String> JOB_ACTIVITIES =
      List.of("Event_SessionDue", "Activity_ConfirmFeedbackComplete", "Activity_CloseCancelledCycle");

  private ClusterWork() {}

  /** Runs the cycle up to the point where its stage-one contributions are used; returns its business key. */
  static String throughAnalyse(AlternatingDriver driver, String title) {
    String bk = toSession(driver, title);
    afterSession(driver, bk);
    return bk;
  }

  /** Starts a cycle and runs its ANALYSE gate until every invitation is accepted: the session timer is set. */
  static String toSession(AlternatingDriver driver, String title) {
    String bk = driver.startCycle(title).getBusinessKey();
    driver.agreePlan(bk);
    driver.describeRequest(bk, CycleDriver.nextSessionDate(), 2);
    driver.acceptRequest(bk);
    driver.confirmExperts(bk);
    driver.acceptAllInvitations(bk);
    return bk;
  }

  /** Once a job executor has fired the session timer: what was said, and how it was used. */
  static void afterSession(AlternatingDriver driver, String bk) {
    List<Task> records = Eventually.await("the session of cycle " + bk + " to be held", Duration.ofSeconds(90),
        () -> driver.tasks(bk, "Activity_RecordContribution"), tasks -> !tasks.isEmpty());
    for (Task record : records) {
      Map<String, Object> f = new HashMap<>();
      f.put("attended", "yes");
      f.put("privateContribution1", "Evening opening matters most to me. " + record.getId());
      f.put("hoursGiven", 3);
      driver.submit(record, f);
    }
    driver.tasks(bk, "Activity_RecordContributionUse").forEach(t ->
        driver.submit(t, Map.of("contributionUse", "It set the evening opening hours.")));
    driver.submit(driver.task(bk, "Activity_WriteNeedsAssessment"), Map.of("needsSummary", "Evenings matter most."));
  }

  /** Stops the cycle and delivers everyone's feedback; the job executors then close it. */
  static void stopAndGiveFeedback(AlternatingDriver driver, CycleCancellation cancellation, String bk) {
    cancellation.cancel(Long.parseLong(bk), STOP_REASON);
    driver.answerAll(bk);
    driver.deliverAllFeedback(bk);
  }

  static HistoricProcessInstance awaitEnded(ProcessEngine engine, String bk, Duration limit) {
    return Eventually.await("cycle " + bk + " to end", limit,
        () -> engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(bk)
            .processDefinitionKey("commissioning-cycle").singleResult(),
        cycle -> cycle != null && cycle.getEndTime() != null);
  }

  /** The cycle's process instance and the instances it called (the gates and the feedback). */
  static List<String> instanceTree(ProcessEngine engine, String rootId) {
    List<String> ids = new ArrayList<>(List.of(rootId));
    engine.getHistoryService().createHistoricProcessInstanceQuery().superProcessInstanceId(rootId).list()
        .forEach(called -> ids.add(called.getId()));
    return ids;
  }

  static long completedTasks(ProcessEngine engine, List<String> instances) {
    return instances.stream().mapToLong(id -> engine.getHistoryService().createHistoricTaskInstanceQuery()
        .processInstanceId(id).taskDeleteReason("completed").count()).sum();
  }

  static long finishedActivities(ProcessEngine engine, List<String> instances, String activityId) {
    return instances.stream().mapToLong(id -> engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(id).activityId(activityId).finished().count()).sum();
  }

  static void assertNothingStuck(ProcessEngine engine) {
    assertThat(engine.getRuntimeService().createIncidentQuery().list()).as("incidents").isEmpty();
    assertThat(engine.getManagementService().createJobQuery().noRetriesLeft().list()).as("jobs out of retries").isEmpty();
  }
}
