package org.coproduced.commissioning.tasknotice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.access.TasklistFilters;
import org.coproduced.commissioning.cycle.CycleCancellation;
import org.coproduced.commissioning.experts.ExpertContacts;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.notification.MessageContent;
import org.coproduced.commissioning.schedule.CycleSchedule;
import org.coproduced.commissioning.schedule.IsoPeriods;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.coproduced.commissioning.support.ApplicationTest;
import org.coproduced.commissioning.support.CycleDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What Tasklist lists, for representative tasks of each process: a name that says the cycle and
 * whom or what the task is about (by reference and channel, never a name), a due date where the
 * process knows one, and the values of the list's columns.
 */
@ApplicationTest
class TaskNamesTest {

  private static final String SEP = TaskNames.CYCLE_SEPARATOR;

  @Autowired ProcessEngine engine;
  @Autowired InvitationRepository invitations;
  @Autowired ExpertContacts experts;
  @Autowired CycleSchedule schedule;
  @Autowired CycleCancellation cancellation;

  CycleDriver driver;

  @BeforeEach
  void setUp() {
    driver = new CycleDriver(engine);
  }

  @Test
  void gateTasksSayTheCycleTheStageTheSessionAndWhoEachInvitationIsFor() {
    String title = "Named tasks " + System.nanoTime();
    String bk = driver.startCycle(title).getBusinessKey();

    Task plan = driver.task(bk, "Activity_AgreeInvolvementPlan");
    assertThat(plan).hasName("Agree the involvement plan" + SEP + title);
    assertThat(local(plan, TasklistFilters.CYCLE_COLUMN)).isEqualTo(title);
    driver.agreePlan(bk);

    Task describe = driver.task(bk, "Activity_DescribeRequest");
    assertThat(describe).hasName("Describe what you are asking experts to do" + SEP + title);
    assertThat(local(describe, TasklistFilters.STAGE_COLUMN)).isEqualTo("Understanding what people need");
    LocalDate sessionDate = CycleDriver.nextSessionDate();
    driver.describeRequest(bk, sessionDate, 2);

    Date sessionStart = Date.from(sessionDate.atTime(LocalTime.of(10, 30)).atZone(ZoneId.systemDefault()).toInstant());
    Task check = driver.task(bk, "Activity_ReviewRequest");
    assertThat(check).hasName("Check the involvement request" + SEP + title).hasDueDate(sessionStart);
    assertThat(local(check, TasklistFilters.SESSION_COLUMN)).isEqualTo(MessageContent.DAY.format(sessionDate));
    driver.acceptRequest(bk);
    assertThat(driver.task(bk, "Activity_ConfirmExperts")).hasDueDate(sessionStart);
    driver.confirmExperts(bk);

    List<Task> answers = driver.tasks(bk, "Activity_AnswerInvitation");
    assertThat(answers).isNotEmpty();
    Date replyBy = afterNow(schedule.invitationFollowUpAfter());
    for (Task answer : answers) {
      String ref = expertRefOfInvitation(answer);
      ExpertContacts.ExpertContact expert = experts.expert(ref).orElseThrow();
      String who = ref + " (" + expert.channelInWords() + ")";
      assertThat(answer).hasName("Answer the invitation for " + who + SEP + title);
      assertThat(engine.getTaskService().getVariablesLocal(answer.getId()).values())
          .as("the list's columns hold references, never the person's name")
          .noneMatch(value -> String.valueOf(value).contains(expert.name()));
      assertThat(answer.getDueDate()).isCloseTo(replyBy, 60_000);
      assertThat(answer.getFollowUpDate()).isCloseTo(afterNow(schedule.invitationReminderAfter()), 60_000);
      assertThat(local(answer, TasklistFilters.ABOUT_COLUMN)).isEqualTo(who);
      assertThat(local(answer, "expertRef")).as("the reference the form links to their page with").isEqualTo(ref);
    }
    driver.acceptAllInvitations(bk);

    driver.fireTimer(bk, "Event_SessionDue");
    for (Task record : driver.tasks(bk, "Activity_RecordContribution")) {
      assertThat(record.getName()).matches("Record attendance and what EX-\\d{4} said" + SEP + title);
    }
    // History, which Cockpit and the auditors' pages read, keeps the same names.
    HistoricTaskInstance historic = engine.getHistoryService().createHistoricTaskInstanceQuery()
        .taskId(answers.get(0).getId()).singleResult();
    assertThat(historic.getName()).isEqualTo(answers.get(0).getName());
  }

  @Test
  void feedbackTasksSayWhichContributionAndHowAPersonWithoutEmailIsReached() {
    String title = "Named feedback " + System.nanoTime();
    String bk = driver.startCycleAtPlanGateDone(title).getBusinessKey();
    cancellation.cancel(Long.parseLong(bk), "The council's budget for this service was withdrawn.");

    for (Task answer : driver.tasks(bk, "Activity_AnswerContribution")) {
      assertThat(answer.getName()).matches("Answer contribution C-\\d+" + SEP + title);
      assertThat(local(answer, TasklistFilters.ABOUT_COLUMN).toString()).matches("C-\\d+");
      assertThat(local(answer, TasklistFilters.STAGE_COLUMN)).isEqualTo("Telling people what we did");
    }
    driver.answerAll(bk);

    Date followUp = afterNow(schedule.feedbackFollowUpAfter());
    for (Task read : driver.tasks(bk, "Activity_AcknowledgeFeedback")) {
      assertThat(read).hasName("Read what we did with what you said" + SEP + title);
      assertThat(read.getDueDate()).isCloseTo(followUp, 60_000);
    }
    for (Task deliver : driver.tasks(bk, "Activity_DeliverFeedbackOffline")) {
      String ref = engine.getTaskService().getVariable(deliver.getId(), "contributorRef").toString();
      String channel = experts.expert(ref).orElseThrow().channelInWords();
      assertThat(deliver).hasName("Deliver feedback " + channel + " to " + ref + SEP + title);
    }
  }

  @Test
  void panelTasksSayWhichBidAndForWhichExpert() {
    String title = "Named bids " + System.nanoTime();
    String bk = driver.startCycleAtPlanGateDone(title).getBusinessKey();
    driver.draftSpecification(bk, null);
    for (Task review : driver.tasks(bk, "Activity_ReviewSpecification")) {
      assertThat(review.getName()).matches("Review the service specification for EX-\\d{4} \\((in Tasklist|by email|by post|by phone)\\)"
          + SEP + title);
    }
    driver.reviewSpecification(bk, "approve");
    driver.tenderToScoring(bk);

    List<String> scoring = driver.tasks(bk, "Activity_ScoreBid").stream().map(Task::getName).toList();
    assertThat(scoring).contains("Score bid 1 from Open Door Trust" + SEP + title,
        "Score bid 2 from Streetlight Housing" + SEP + title);
    assertThat(scoring).anyMatch(name -> name.matches("Score bid 2 from Streetlight Housing for EX-\\d{4} \\(.+\\)" + SEP + title));
    driver.tasks(bk, "Activity_ScoreBid").forEach(t -> driver.submit(t, CycleDriver.scores(4)));

    assertThat(driver.tasks(bk, "Activity_ModerateScores")).extracting(Task::getName).containsExactlyInAnyOrder(
        "Agree the panel's scores for bid 1 from Open Door Trust" + SEP + title,
        "Agree the panel's scores for bid 2 from Streetlight Housing" + SEP + title);
  }

  private Object local(Task task, String name) {
    return engine.getTaskService().getVariableLocal(task.getId(), name);
  }

  private String expertRefOfInvitation(Task task) {
    Number invitationId = (Number) engine.getTaskService().getVariable(task.getId(), "invitationId");
    return invitations.get(invitationId.longValue()).expertRef();
  }

  private static Date afterNow(String isoPeriod) {
    return ProcessClock.toDate(IsoPeriods.plus(ProcessClock.now(), isoPeriod));
  }
}
