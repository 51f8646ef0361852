package org.coproduced.commissioning.stepback;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.experts.ExpertContacts;
import org.coproduced.commissioning.experts.ExpertContacts.ExpertContact;
import org.coproduced.commissioning.notification.Deliveries;
import org.coproduced.commissioning.notification.MailTest;
import org.coproduced.commissioning.notification.Mailbox;
import org.coproduced.commissioning.notification.TestMailServer;
import org.coproduced.commissioning.procurement.ScoringPanel;
import org.coproduced.commissioning.support.CycleDriver;
import org.coproduced.commissioning.support.PersonalDataScan;
import org.coproduced.commissioning.records.ExpertRecords;
import org.coproduced.commissioning.experts.ExpertRepository;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stepping back without pressure, through the engine: an expert says "I can't do this now" or
 * "I'd like to talk to someone" on their task; it ends kindly (a thank-you counted at the mail
 * server, once), the coordinators get a task named for who, what and which cycle, and the work goes
 * on without them. Expert tasks have due dates, a reminder before and a coordinator check-in after.
 */
@MailTest
class SteppingBackTest {

  static final String THANKS = "Thank you for letting us know";
  static final String NOTE = "Please ring me after 4pm, my mum is in hospital this week.";

  @RegisterExtension static GreenMailExtension mail = TestMailServer.extension();

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired ExpertContacts contacts;
  @Autowired CycleRepository cycles;
  @Autowired StepBackRepository stepBacks;
  @Autowired FollowUps followUps;
  @Autowired ExpertRepository experts;
  @Autowired PlatformTransactionManager transactions;
  @Autowired ScoringPanel panel;

  CycleDriver driver;

  @BeforeEach
  void setUp() {
    driver = new CycleDriver(engine);
  }

  @Test
  void aReviewerWhoCantDoItNowIsThankedOnceAndTheOthersApproveTheSpecification() {
    String bk = startAtReview("Stepping back from a review");
    List<Task> reviews = driver.tasks(bk, "Activity_ReviewSpecification");
    assertThat(reviews).hasSizeGreaterThan(1);
    Task steppingBack = reviews.stream().filter(t -> contacts.emailReaches(ref(t, "reviewerRef"))).findFirst()
        .orElseThrow();
    String who = ref(steppingBack, "reviewerRef");
    Deliveries deliveries = new Deliveries(engine, jdbc);

    driver.submit(steppingBack, Map.of("stepBack", "cant-now", "privateStepBackNote", NOTE));
    reviews.stream().filter(t -> !t.getId().equals(steppingBack.getId()))
        .forEach(t -> driver.submit(t, Map.of("stepBack", "answer", "specificationDecision", "approve")));
    deliveries.sendAll();

    assertThat(driver.tasks(bk, "Activity_PublishTender")).as("approved by the reviewers who remain").hasSize(1);
    ExpertContact expert = contacts.expert(who).orElseThrow();
    List<Mailbox.Mail> thanks = Mailbox.to(mail, expert.email()).stream()
        .filter(m -> m.subject().contains(THANKS)).toList();
    assertThat(thanks).hasSize(1);
    assertThat(thanks.get(0).text()).contains("review the service specification", "Stepping back from a review")
        .doesNotContainIgnoringCase("late").doesNotContainIgnoringCase("failed");
    Task followUp = followUp(bk, who, "CANT_NOW");
    assertThat(followUp.getName()).isEqualTo("Contact " + who + " (" + expert.channelInWords()
        + "): they can't review the service specification now · Stepping back from a review");
    assertThat(engine.getTaskService().getIdentityLinksForTask(followUp.getId()))
        .anyMatch(link -> "coordinators".equals(link.getGroupId()));
    // Their words are in the application's table, never in the engine.
    assertThat(stepBacks.find(steppingBack.getId()).orElseThrow().note()).isEqualTo(NOTE);
    assertThat(PersonalDataScan.find(jdbc, "ACT_", "after 4pm")).isEmpty();
    assertThat(engine.getRuntimeService().createVariableInstanceQuery().variableName("stepBack").count())
        .as("the choice is not left behind for the next task").isZero();

    // Deciding it again (a retried job, a second node) thanks and asks nobody twice.
    int mails = Mailbox.read(mail).size();
    new TransactionTemplate(transactions).executeWithoutResult(s -> {
      assertThat(followUps.ask(FollowUpReason.CANT_NOW, Long.parseLong(bk), who,
          ExpertTaskProperties.REVIEW_SPECIFICATION, steppingBack.getId())).isFalse();
      assertThat(stepBacks.record(stepBacks.find(steppingBack.getId()).orElseThrow())).isFalse();
    });
    deliveries.sendAll();
    assertThat(Mailbox.read(mail)).hasSize(mails);
    assertThat(followUps(bk, who, "CANT_NOW")).hasSize(1);

    // Erasing the expert's personal data takes their note; that they stepped back stays, by reference.
    new TransactionTemplate(transactions).executeWithoutResult(s -> stepBacks.eraseExpert(
        experts.findByRef(who).orElseThrow().id(), new ExpertRecords.Erasure(LocalDate.now(), Instant.now(), "coordinator")));
    assertThat(stepBacks.find(steppingBack.getId()).orElseThrow().note()).isNull();
    assertThat(PersonalDataScan.find(jdbc, "CC_STEP", "after 4pm")).isEmpty();
  }

  @Test
  void aReviewerWhoWouldLikeToTalkNeitherApprovesNorObjects() {
    String bk = startAtReview("Talking about a review");
    List<Task> reviews = driver.tasks(bk, "Activity_ReviewSpecification");
    String who = ref(reviews.get(0), "reviewerRef");
    reviews.forEach(t -> driver.submit(t, Map.of("stepBack", "talk")));

    assertThat(followUp(bk, who, "TALK").getName()).startsWith("Talk to " + who);
    // Nobody approved, so the specification is not approved on nobody's word: it goes back to the commissioner.
    assertThat(driver.tasks(bk, "Activity_PublishTender")).isEmpty();
    assertThat(cycles.specificationReviews(Long.parseLong(bk))).extracting(r -> r.decision())
        .containsOnly("stepped-back");
  }

  @Test
  void aPanelMemberWhoStepsBackScoresNothingAndTheModerationWorksFromTheScoresGiven() {
    String bk = startAtPlan("Stepping back from the panel");
    driver.tenderToDeclarations(bk);
    List<Task> declarations = driver.tasks(bk, "Activity_DeclareInterests");
    Task steppingBack = declarations.stream().filter(t -> !ref(t, "evaluatorRef").startsWith("officer:"))
        .findFirst().orElseThrow();
    String who = ref(steppingBack, "evaluatorRef");

    driver.submit(steppingBack, Map.of("stepBack", "talk"));
    declarations.stream().filter(t -> !t.getId().equals(steppingBack.getId()))
        .forEach(t -> driver.submit(t, Map.of("hasConflict", "no")));

    List<Task> scoring = driver.tasks(bk, "Activity_ScoreBid");
    assertThat(scoring).extracting(t -> ref(t, "evaluatorRef")).doesNotContain(who).isNotEmpty();
    assertThat(followUp(bk, who, "TALK").getName()).contains("declare any conflict of interest");
    // Three on the panel, one stepped back: two remain, one an expert, so nobody is asked to find someone.
    assertThat(followUps(bk, who, "PANEL_SHORT")).isEmpty();

    // Experts who can't score now leave the panel short (no expert left): a coordinator is asked to find someone.
    List<String> experts = scoring.stream().map(t -> ref(t, "evaluatorRef")).filter(r -> !r.startsWith("officer:"))
        .distinct().toList();
    for (String expert : experts) {
      Task score = driver.tasks(bk, "Activity_ScoreBid").stream().filter(t -> expert.equals(ref(t, "evaluatorRef")))
          .findFirst().orElseThrow();
      driver.submit(score, Map.of("stepBack", "cant-now"));
    }
    String last = experts.get(experts.size() - 1);
    Task panelShort = followUp(bk, last, "PANEL_SHORT");
    assertThat(panelShort.getName()).startsWith("Find another scoring panel member: " + last + " stepped back");
    assertThat(engine.getTaskService().getVariable(panelShort.getId(), "requestId")).isNotNull();

    driver.tasks(bk, "Activity_ScoreBid").forEach(t -> driver.submit(t, CycleDriver.scores(4)));
    // The moderation waits for a new member (ShortScoringPanelTest), or, as here, for going on to be agreed.
    assertThat(driver.tasks(bk, "Activity_ModerateScores")).isEmpty();
    panel.goOn(Long.parseLong(bk), "The commissioner agreed: the bids are far apart.", true, "coordinator");
    List<Task> moderation = driver.tasks(bk, "Activity_ModerateScores");
    assertThat(moderation).isNotEmpty();
    assertThat(moderation).extracting(t -> String.valueOf(engine.getTaskService().getVariable(t.getId(),
        "scoreSummary"))).allMatch(summary -> summary.contains("Not scored by") && summary.contains(who));
  }

  @Test
  void expertTasksAreDueRemindedBeforeAndCheckedInOnAfter() {
    String bk = startAtReview("Due dates for a review");
    // Someone who reads email if the gate chose one (the pool's fairness order decides), else by post or phone.
    List<Task> reviews = driver.tasks(bk, "Activity_ReviewSpecification");
    Task review = reviews.stream().filter(t -> contacts.emailReaches(ref(t, "reviewerRef"))).findFirst()
        .orElse(reviews.get(0));
    String who = ref(review, "reviewerRef");
    boolean byEmail = contacts.emailReaches(who);
    assertThat(review.getDueDate()).isCloseTo(new Date(System.currentTimeMillis() + TimeUnit.DAYS.toMillis(10)),
        TimeUnit.MINUTES.toMillis(5));
    String watch = "expert-task/" + review.getId();
    Deliveries deliveries = new Deliveries(engine, jdbc);

    driver.fireTimer(watch, "Event_ReminderDue");
    deliveries.sendAll();
    String email = contacts.expert(who).orElseThrow().email();
    if (byEmail) {
      List<Mailbox.Mail> reminders = Mailbox.to(mail, email).stream()
          .filter(m -> m.subject().contains("A gentle reminder")).toList();
      assertThat(reminders).hasSize(1);
      assertThat(reminders.get(0).text()).contains("I can't do this now", review.getId())
          .doesNotContainIgnoringCase("overdue").doesNotContainIgnoringCase("late");
    } else {
      assertThat(followUp(bk, who, "REMINDER").getName()).startsWith("Remind " + who);
    }

    driver.fireTimer(watch, "Event_TaskDue");
    Task checkIn = followUp(bk, who, "OVERDUE");
    assertThat(checkIn.getName()).startsWith("Check in with " + who);

    // They would still like to do it: the task stays, with a new due date that is watched again.
    Date firstDue = review.getDueDate();
    driver.submit(checkIn, Map.of("followUpOutcome", "done"));
    Task stillThere = engine.getTaskService().createTaskQuery().taskId(review.getId()).singleResult();
    assertThat(stillThere.getDueDate()).isAfterOrEqualTo(firstDue);
    driver.fireTimer(watch + "/2", "Event_ReminderDue");
    driver.fireTimer(watch + "/2", "Event_TaskDue");
    List<Task> checkInsAgain = followUps(bk, who, "OVERDUE");
    assertThat(checkInsAgain).hasSize(1).extracting(Task::getId).doesNotContain(checkIn.getId());
    driver.submit(checkInsAgain.get(0), Map.of("followUpOutcome", "carry-on-without-them"));

    assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId()).count()).isZero();
    assertThat(stepBacks.find(review.getId()).orElseThrow().reason()).isEqualTo(StepBackReason.CARRIED_ON);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(watch).count())
        .isZero();
    // Nobody is thanked for, or told about, a task a coordinator ended.
    if (byEmail) {
      assertThat(Mailbox.to(mail, email)).noneMatch(m -> m.subject().contains(THANKS));
    }
  }

  private String startAtPlan(String title) {
    String bk = driver.startCycle(title).getBusinessKey();
    driver.agreePlan(bk);
    driver.analyse(bk);
    driver.plan(bk);
    return bk;
  }

  private String startAtReview(String title) {
    String bk = driver.startCycle(title).getBusinessKey();
    driver.agreePlan(bk);
    driver.analyse(bk);
    driver.passGate(bk);
    driver.draftSpecification(bk, null);
    return bk;
  }

  private String ref(Task task, String variable) {
    return String.valueOf(engine.getTaskService().getVariable(task.getId(), variable));
  }

  private Task followUp(String bk, String expertRef, String reason) {
    List<Task> tasks = followUps(bk, expertRef, reason);
    assertThat(tasks).as("%s follow-ups for %s", reason, expertRef).hasSize(1);
    return tasks.get(0);
  }

  private List<Task> followUps(String bk, String expertRef, String reason) {
    return engine.getTaskService().createTaskQuery().processDefinitionKey(StepBackVariables.FOLLOW_UP_PROCESS_ID)
        .processVariableValueEquals("cycleId", Long.parseLong(bk))
        .processVariableValueEquals("expertRef", expertRef).processVariableValueEquals("followUpReason", reason)
        .list();
  }
}
