package org.coproduced.commissioning.involvement;

import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.involvement.invitation.Invitation;
import org.coproduced.commissioning.involvement.invitation.InvitationStatus;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.support.ApplicationTest;
import org.coproduced.commissioning.support.CycleDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The paths of process {@code involvement-request}, one test per path. */
@ApplicationTest
class InvolvementRequestProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired CycleRepository cycles;
  @Autowired InvitationRepository invitations;
  @Autowired ContributionRepository contributions;
  @Autowired InvolvementRequestRepository requests;

  CycleDriver driver;
  ProcessInstance gate;
  String bk;

  @BeforeEach
  void startGate() {
    driver = new CycleDriver(engine);
    long cycleId = cycles.insert("Gate test", "housing-homelessness", "under-100k", "Experts will shape the service.",
        "Better outcomes", "Spring", "commissioner", null);
    bk = String.valueOf(cycleId);
    gate = engine.getRuntimeService().startProcessInstanceByKey("involvement-request", bk,
        Map.of("cycleId", cycleId, "commissioner", "commissioner", "stage", "ANALYSE"));
  }

  @Test
  void happyPathRecordsContributionsAndReturnsToTheCaller() {
    driver.passGate(bk);

    assertThat(gate).isEnded().hasPassed("Activity_ProposeExperts", "Activity_RecordRecompense");
    long requestId = ((Number) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(gate.getId()).variableName("requestId").singleResult().getValue()).longValue();
    assertThat(contributions.countForRequest(requestId)).isGreaterThanOrEqualTo(2);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(gate.getId())
        .variableName("contributionCount").singleResult().getValue()).isEqualTo(contributions.countForRequest(requestId));
  }

  @Test
  void requestWithShortNoticeIsRefusedUnlessSentBack() {
    driver.describeRequest(bk, LocalDate.now().plusDays(2), 2);
    Task review = driver.task(bk, "Activity_ReviewRequest");

    assertThatThrownBy(() -> driver.submit(review, Map.of("requestDecision", "accept")))
        .hasMessageContaining("working days' notice");
    assertThat(gate).isWaitingAt("Activity_ReviewRequest");

    driver.submit(review, Map.of("requestDecision", "sendBack",
        "reviewerFeedback", "Experts need at least two weeks' notice. Please choose a later date."));
    assertThat(gate).isWaitingAt("Activity_DescribeRequest");
  }

  @Test
  void shortNoticeIsAcceptedWithARecordedException() {
    driver.describeRequest(bk, LocalDate.now().plusDays(2), 2);

    driver.submit(driver.task(bk, "Activity_ReviewRequest"), Map.of("requestDecision", "accept",
        "noticeException", true, "noticeExceptionReason", "The experts themselves asked to meet this week."));

    assertThat(gate).isWaitingAt("Activity_ConfirmExperts");
  }

  @Test
  void declinedInvitationIsReplacedByAnotherExpert() {
    driver.describeRequest(bk, CycleDriver.nextSessionDate(), 1);
    driver.acceptRequest(bk);
    driver.confirmExperts(bk);
    List<Task> answers = driver.tasks(bk, "Activity_AnswerInvitation");
    int invitedBefore = answers.size();

    driver.submit(answers.get(0), Map.of("invitationAnswer", "decline"));

    List<Task> after = driver.tasks(bk, "Activity_AnswerInvitation");
    assertThat(after).hasSize(invitedBefore);
    assertThat(after).extracting(Task::getId).doesNotContain(answers.get(0).getId());
    long requestId = (Long) engine.getRuntimeService().getVariable(gate.getId(), "requestId");
    assertThat(invitations.findByRequest(requestId)).extracting(Invitation::status).contains(InvitationStatus.DECLINED);
  }

  @Test
  void unansweredInvitationGetsAReminderThenACoordinatorFollowUp() {
    driver.describeRequest(bk, CycleDriver.nextSessionDate(), 1);
    driver.acceptRequest(bk);
    driver.confirmExperts(bk);
    int invited = driver.tasks(bk, "Activity_AnswerInvitation").size();

    driver.fireTimer(bk, "Event_ReminderDue");
    assertThat(driver.tasks(bk, "Activity_AnswerInvitation")).hasSize(invited);
    driver.fireTimer(bk, "Event_NoAnswer");

    List<Task> followUps = driver.tasks(bk, "Activity_FollowUpInvitation");
    assertThat(followUps).hasSize(invited);
    followUps.forEach(t -> driver.submit(t, Map.of("contactMethod", "phone", "invitationAnswer", "accept",
        "privateFollowUpNotes", "Best to call after 4pm, they work mornings.")));
    assertThat(gate).isWaitingAt("Event_SessionDue");
    // The notes are kept for coordinators in the application's tables, not in the engine or its history.
    long requestId = (Long) engine.getRuntimeService().getVariable(gate.getId(), "requestId");
    assertThat(invitations.followUpNotesByRequest(requestId).values()).hasSize(invited)
        .allMatch(notes -> notes.equals("Best to call after 4pm, they work mornings."));
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().variableName("privateFollowUpNotes")
        .count()).isZero();
    assertThat(engine.getHistoryService().createHistoricDetailQuery().variableUpdates().list())
        .noneMatch(detail -> String.valueOf(((org.camunda.bpm.engine.history.HistoricVariableUpdate) detail).getValue())
            .contains("after 4pm"));
  }

  @Test
  void nobodyContributingSendsTheRequestBackForANewDate() {
    driver.sessionNobodyCameTo(bk, CycleDriver.nextSessionDate(), 1);

    assertThat(gate).isWaitingAt("Activity_DescribeRequest");
  }

  @Test
  void nobodyCanTakePartIsRefusedWhileExpertsInThePoolCouldStillBeAsked() {
    driver.describeRequest(bk, CycleDriver.nextSessionDate(), 2);
    Task review = driver.task(bk, "Activity_ReviewRequest");
    long requestId = (Long) engine.getRuntimeService().getVariable(gate.getId(), "requestId");

    assertThatThrownBy(() -> driver.submit(review, Map.of("requestDecision", "nobodyCanTakePart")))
        .hasMessageContaining("experts in the pool could take part in this session, and nobody has been asked yet")
        .hasMessageContaining("Please accept the request so they are invited");
    assertThat(gate).isWaitingAt("Activity_ReviewRequest").hasNotPassed("Activity_RecordNobodyCouldTakePart");
    assertThat(requests.get(requestId).status()).isEqualTo("SUBMITTED");
  }

  @Test
  void coordinatorClosesTheGateWhenNobodyCanTakePartAndTheReasonStaysOutOfTheEngine() {
    // Experts were asked, and none could come: the request comes back, and may now be closed.
    driver.sessionNobodyCameTo(bk, CycleDriver.nextSessionDate(), 2);
    driver.describeRequest(bk, CycleDriver.nextSessionDate().plusDays(7), 2);
    driver.submit(driver.task(bk, "Activity_ReviewRequest"), Map.of("requestDecision", "nobodyCanTakePart"));
    Task record = driver.task(bk, "Activity_RecordNobodyCouldTakePart");
    long requestId = (Long) engine.getRuntimeService().getVariable(gate.getId(), "requestId");

    assertThatThrownBy(() -> driver.submit(record, Map.of("privateNobodyReason", "Nobody.")))
        .hasMessageContaining("Please say why nobody could take part");
    assertThat(gate).isWaitingAt("Activity_RecordNobodyCouldTakePart");
    assertThat(requests.get(requestId).status()).isEqualTo("SUBMITTED");

    String reason = "Both experts with this lived experience are unwell this month (nobody scan)";
    driver.submit(record, Map.of("privateNobodyReason", reason));

    assertThat(gate).isEnded().hasPassed("Event_NobodyCouldTakePart").hasNotPassed("Activity_RecordRecompense");
    assertThat(requests.summariesOfCycles(List.of(Long.valueOf(bk)))).singleElement().satisfies(summary -> {
      assertThat(summary.status()).isEqualTo("NOBODY_AVAILABLE");
      assertThat(summary.nobodyCouldTakePartReason()).isEqualTo(reason);
    });
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(gate.getId())
        .variableName("privateNobodyReason").count()).isZero();
    assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(gate.getId()).list())
        .noneMatch(d -> d.toString().contains("nobody scan"));
  }

  @Test
  void recordingAttendanceStartsFromTheSessionsOwnLength() {
    driver.describeRequest(bk, CycleDriver.nextSessionDate(), 2);
    driver.acceptRequest(bk);
    driver.confirmExperts(bk);
    driver.acceptAllInvitations(bk);
    driver.fireTimer(bk, "Event_SessionDue");

    List<Task> records = driver.tasks(bk, "Activity_RecordContribution");
    assertThat(records).as("two places, and a buddy for a newcomer").hasSizeGreaterThanOrEqualTo(2);
    // The request's session lasts 2 hours: what the form shows before anyone types.
    assertThat(records).allSatisfy(t -> assertThat(engine.getFormService().getTaskFormVariables(t.getId())
        .getValueTyped("hoursGiven").getValue()).isEqualTo(2));
    driver.submit(records.get(0), Map.of("attended", "yes", "hoursGiven", 1, "privateContribution1", "I left early."));
    assertThat(engine.getFormService().getTaskFormVariables(records.get(1).getId())
        .getValueTyped("hoursGiven").getValue()).as("one expert's hours are not another's").isEqualTo(2);
  }

  @Test
  void attendanceWithoutTheirWordsIsRefusedAndChangesNothing() {
    driver.describeRequest(bk, CycleDriver.nextSessionDate(), 1);
    driver.acceptRequest(bk);
    driver.confirmExperts(bk);
    driver.acceptAllInvitations(bk);
    driver.fireTimer(bk, "Event_SessionDue");
    Task record = driver.tasks(bk, "Activity_RecordContribution").get(0);

    Map<String, Object> fields = new HashMap<>(Map.of("attended", "yes", "hoursGiven", 2));
    assertThatThrownBy(() -> driver.submit(record, fields)).hasMessageContaining("in their own words");

    assertThat(engine.getTaskService().createTaskQuery().taskId(record.getId()).count()).isEqualTo(1);
    long requestId = (Long) engine.getRuntimeService().getVariable(gate.getId(), "requestId");
    assertThat(contributions.countForRequest(requestId)).isZero();
  }

  @Test
  void expertsOwnWordsNeverReachTheEngine() {
    driver.passGate(bk);

    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().variableNameLike("private%").count())
        .isZero();
    assertThat(engine.getHistoryService().createHistoricDetailQuery().list())
        .noneMatch(d -> d.toString().contains("could never get through"));
    assertThat(engine.getRuntimeService().createVariableInstanceQuery().variableNameLike("private%").count()).isZero();
  }
}
