package org.coproduced.commissioning.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.involvement.invitation.Invitation;
import org.coproduced.commissioning.involvement.invitation.InvitationStatus;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.support.CycleDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Commissioners, coordinators and experts doing their work in Tasklist, in a real browser:
 * starting a cycle with its start form, taking it through its first involvement gate, and
 * forms refusing values the service cannot use.
 */
@BrowserTest
@MeetsTheDemoPoolAsANewcomer
class TasklistE2E {

  private static final AtomicInteger CYCLES = new AtomicInteger();

  @RegisterExtension final Browsers browsers = new Browsers();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired InvitationRepository invitations;

  @Test
  @Screenshots("first-gate")
  void commissionerStartsACycleCoordinatorReviewsTheRequestAndAnExpertAcceptsTheirInvitation() {
    String title = uniqueTitle("Outreach for people sleeping rough");

    Browser commissioner = browsers.signIn(port, "tasklist", "commissioner");
    commissioner.screenshot("signed-in");
    commissioner.startProcess("Commissioning cycle");
    fillStartForm(commissioner, title,
        "People who have slept rough know what stops them using services. They will shape the service.");
    commissioner.screenshot("start-form-filled");
    commissioner.press("Start");
    commissioner.notificationContaining("The process has been started");
    commissioner.screenshot("cycle-started");
    ProcessInstance cycle = cycleTitled(title);
    assertThat(cycle).as("the cycle started from the start form").isNotNull();
    String bk = cycle.getBusinessKey();

    Browser coordinator = browsers.signIn(port, "tasklist", "coordinator");
    coordinator.openFilter("Coordinator queue");
    coordinator.screenshot("coordinator-queue");
    openTaskOfCycle(coordinator, bk, "Activity_AgreeInvolvementPlan", "Agree the involvement plan · " + title);
    coordinator.claimIfOffered();
    coordinator.fill("Shared purpose", "Design the outreach service together, from the start.");
    coordinator.fill("Who does what", "Experts co-design and decide with the commissioner.");
    coordinator.choose("How experts will be thanked", "Each expert chooses");
    coordinator.tick("The commissioner and I have agreed this plan");
    coordinator.screenshot("plan-filled");
    coordinator.press("Complete");
    coordinator.waitUntilTaskClosed();
    assertThat(openTasks(bk, "Activity_AgreeInvolvementPlan")).isEmpty();

    commissioner.go("/camunda/app/tasklist/default/");
    commissioner.openFilter("My tasks");
    openTaskOfCycle(commissioner, bk, "Activity_DescribeRequest", "Describe what you are asking experts to do · " + title);
    fillRequest(commissioner, CycleDriver.nextSessionDate(), 2, 2);
    commissioner.screenshot("request-filled");
    commissioner.press("Complete");
    commissioner.waitUntilTaskClosed();
    commissioner.screenshot("request-sent");

    coordinator.go("/camunda/app/tasklist/default/");
    coordinator.openFilter("Coordinator queue");
    openTaskOfCycle(coordinator, bk, "Activity_ReviewRequest", "Check the involvement request · " + title);
    coordinator.claimIfOffered();
    assertThat(coordinator.valueOf("What experts are asked to do"))
        .isEqualTo("Tell us what made services hard to use when you were sleeping rough.");
    coordinator.pick("Your decision", "Accept the request");
    coordinator.screenshot("request-reviewed");
    coordinator.press("Complete");
    coordinator.waitUntilTaskClosed();

    openTaskOfCycle(coordinator, bk, "Activity_ConfirmExperts", "Confirm who to invite · " + title);
    coordinator.claimIfOffered();
    assertThat(coordinator.valueOf("Proposed experts")).isEqualTo("EX-0001, EX-0002");
    coordinator.tick("I have checked the proposal");
    coordinator.screenshot("experts-confirmed");
    coordinator.press("Complete");
    coordinator.waitUntilTaskClosed();

    List<Task> sent = openTasks(bk, "Activity_AnswerInvitation");
    assertThat(sent).extracting(Task::getAssignee).containsExactlyInAnyOrder("expert1", "expert2");
    Task own = sent.stream().filter(t -> "expert1".equals(t.getAssignee())).findFirst().orElseThrow();
    Task someoneElses = sent.stream().filter(t -> "expert2".equals(t.getAssignee())).findFirst().orElseThrow();

    Browser expert = browsers.signIn(port, "tasklist", "expert1");
    expert.openFilter("My tasks");
    expert.screenshot("own-invitation-listed");
    // The list says whose invitation it is and for which cycle, and its columns the stage and session.
    assertThat(expert.taskNames()).contains("Answer the invitation for EX-0001 (in Tasklist) · " + title);
    assertThat(expert.taskListText()).contains("Understanding what people need");
    assertThat(expert.listedTaskIds()).as("the tasks expert1 sees").contains(own.getId())
        .doesNotContain(someoneElses.getId())
        .hasSize((int) engine.getTaskService().createTaskQuery().taskAssignee("expert1").count());
    assertThat(expert.filterNames()).containsExactly("My tasks");
    expert.openTask(own.getId());
    assertThat(expert.valueOf("What we are asking"))
        .isEqualTo("Tell us what made services hard to use when you were sleeping rough.");
    expert.pick("Would you like to take part?", "Yes, I would like to take part");
    expert.fill("Is there anything you need to take part?", "A quiet room, and travel by bus.");
    expert.screenshot("invitation-answered");
    expert.press("Complete");
    expert.waitUntilTaskClosed();
    expert.screenshot("invitation-accepted");

    long requestId = ((Number) engine.getRuntimeService()
        .getVariable(someoneElses.getProcessInstanceId(), "requestId")).longValue();
    assertThat(invitations.findByRequest(requestId)).extracting(Invitation::expertRef, Invitation::status)
        .containsExactlyInAnyOrder(tuple("EX-0001", InvitationStatus.ACCEPTED),
            tuple("EX-0002", InvitationStatus.INVITED));
    assertThat(openTasks(bk, "Activity_AnswerInvitation")).extracting(Task::getAssignee).containsExactly("expert2");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceIdIn(own.getProcessInstanceId()).variableName("privateAccessNeeds").count())
        .as("what the expert needs, in the engine's history").isZero();
  }

  @Test
  @Screenshots("purpose-too-short")
  void startFormWithAPurposeTooShortSaysSoAndStartsNoCycle() {
    String title = uniqueTitle("Drug and alcohol recovery service");
    Browser commissioner = browsers.signIn(port, "tasklist", "commissioner");
    commissioner.startProcess("Commissioning cycle");
    // Padded to thirty characters: the form counts what is written, not the spaces around it.
    fillStartForm(commissioner, title, "We have to.                   ");
    commissioner.screenshot("purpose-too-short");

    assertThat(commissioner.fieldError("Why do you want experts by experience to be involved"))
        .isEqualTo("Field must have minimum length of 30.");
    assertThat(commissioner.buttonEnabled("Start")).as("Start enabled").isFalse();
    commissioner.fill("Why do you want experts by experience to be involved", "We have to.");
    commissioner.press("Start");
    assertThat(cycleTitled(title)).as("a cycle started from a form with a purpose too short").isNull();
  }

  @Test
  @Screenshots("hours-out-of-range")
  void requestForALongerSessionThanAllowedIsStoppedInTheFormAndNotSent() {
    CycleDriver driver = new CycleDriver(engine);
    String title = uniqueTitle("Mental health crisis support");
    String bk = driver.startCycle(title).getBusinessKey();
    driver.agreePlan(bk);

    Browser commissioner = browsers.signIn(port, "tasklist", "commissioner");
    openTaskOfCycle(commissioner, bk, "Activity_DescribeRequest", "Describe what you are asking experts to do · " + title);
    fillRequest(commissioner, CycleDriver.nextSessionDate(), 9, 2);
    commissioner.screenshot("nine-hours");

    assertThat(commissioner.fieldError("How long the session lasts")).isEqualTo("Field must have maximum value of 8.");
    assertThat(commissioner.buttonEnabled("Complete")).as("Complete enabled").isFalse();
    commissioner.press("Complete");
    assertThat(openTasks(bk, "Activity_DescribeRequest")).as("the request, still to be described").hasSize(1);
    assertThat(openTasks(bk, "Activity_ReviewRequest")).isEmpty();
  }

  @Test
  @Screenshots("date-passed")
  void requestForADateThatHasPassedShowsTheServersMessageAndIsNotSent() {
    CycleDriver driver = new CycleDriver(engine);
    String title = uniqueTitle("Domestic abuse refuge");
    String bk = driver.startCycle(title).getBusinessKey();
    driver.agreePlan(bk);

    Browser commissioner = browsers.signIn(port, "tasklist", "commissioner");
    openTaskOfCycle(commissioner, bk, "Activity_DescribeRequest", "Describe what you are asking experts to do · " + title);
    fillRequest(commissioner, LocalDate.now().minusDays(3), 2, 2);
    commissioner.press("Complete");

    String message = commissioner.notificationContaining("The session date has already passed");
    commissioner.screenshot("date-passed-refused");
    assertThat(message).contains("Please choose a later date");
    assertThat(openTasks(bk, "Activity_DescribeRequest")).hasSize(1);
    assertThat(openTasks(bk, "Activity_ReviewRequest")).isEmpty();
  }

  // ---- steps ----

  private static void fillStartForm(Browser browser, String title, String purpose) {
    browser.fill("Short title for this cycle", title);
    browser.choose("Which area is the service in?", "Housing and homelessness");
    browser.choose("Rough budget for the service", "£100,000 to £500,000");
    browser.fill("Why do you want experts by experience to be involved", purpose);
    browser.fill("What should be different for the people the service is for?",
        "Fewer people sleeping rough for more than one night.");
    browser.fill("When do things need to happen?", "Needs analysis in spring, the new service from April.");
  }

  private static void fillRequest(Browser browser, LocalDate sessionDate, int hours, int places) {
    browser.fill("What are you asking experts to do?",
        "Tell us what made services hard to use when you were sleeping rough.");
    browser.fill("Why are you asking them", "So the new outreach service is built around what people need.");
    browser.pick("Is this coproduction or consultation?", "Coproduction");
    browser.date("Date of the session", sessionDate);
    browser.fill("Start time", "10:30");
    browser.fill("How long the session lasts", hours);
    browser.choose("How the session takes place", "In person");
    browser.fill("Where, and how it is accessible", "Community hall on Market Street, step-free, quiet room.");
    browser.fill("How many experts do you need?", places);
    browser.pick("Which lived experience is relevant?", "Homelessness");
    browser.pick("Which lived experience is relevant?", "Mental ill health");
    browser.fill("Who else will be there", "The commissioner and the involvement coordinator.");
  }

  /** Checks the filter lists this cycle's task by its full name (what, and which cycle), then opens it. */
  private void openTaskOfCycle(Browser browser, String bk, String taskKey, String taskName) {
    Task task = openTasks(bk, taskKey).get(0);
    assertThat(task.getName()).as("the task's name").isEqualTo(taskName);
    assertThat(browser.taskNames()).as("tasks listed").contains(taskName);
    browser.openTask(task.getId());
  }

  private List<Task> openTasks(String bk, String taskKey) {
    return new CycleDriver(engine).tasks(bk, taskKey);
  }

  private ProcessInstance cycleTitled(String title) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("commissioning-cycle")
        .variableValueEquals("title", title).singleResult();
  }

  private static String uniqueTitle(String title) {
    return title + " " + CYCLES.incrementAndGet();
  }
}
