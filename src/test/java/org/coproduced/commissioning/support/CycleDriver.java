package org.coproduced.commissioning.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.coproduced.commissioning.cycle.SpecificationComments;

/**
 * Drives commissioning cycles through the Java API the way people do in Tasklist: each task is
 * completed by submitting its form's fields, signed in as the person whose task it is.
 */
public class CycleDriver {

  public static final String COMMISSIONER = "commissioner";
  public static final String COORDINATOR = "coordinator";

  private final ProcessEngine engine;

  public CycleDriver(ProcessEngine engine) {
    this.engine = engine;
  }

  public ProcessEngine engine() {
    return engine;
  }

  /** Starts a cycle as the commissioner through the start form; returns its process instance. */
  public ProcessInstance startCycle(String title) {
    return startCycle(title, engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("commissioning-cycle").latestVersion().singleResult().getId());
  }

  /** Starts a cycle on one version of the model (an older release's, say), as {@link #startCycle(String)} does. */
  public ProcessInstance startCycle(String title, String processDefinitionId) {
    Map<String, Object> form = new HashMap<>();
    form.put("title", title);
    form.put("serviceArea", "housing-homelessness");
    form.put("budgetBand", "500k-2m");
    form.put("involvementPurpose", "People who have slept rough know what stops them using services. They will shape it.");
    form.put("desiredOutcomes", "Fewer people sleeping rough for more than one night.");
    form.put("timeline", "Needs analysis in spring, tender in summer, service from April.");
    return as(COMMISSIONER, () -> engine.getFormService().submitStartForm(processDefinitionId, form));
  }

  /** A cycle whose needs assessment is written and whose PLAN gate has just passed. */
  public ProcessInstance startCycleAtPlanGateDone(String title) {
    ProcessInstance cycle = startCycle(title);
    String bk = cycle.getBusinessKey();
    agreePlan(bk);
    analyse(bk);
    passGate(bk);
    return cycle;
  }

  /** Runs a thing signed in as a demo user with their groups, as Tasklist would. */
  public <T> T as(String userId, java.util.function.Supplier<T> action) {
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList();
    engine.getIdentityService().setAuthentication(userId, groups);
    try {
      return action.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** Every open task of a cycle (including its called processes) with this definition key. */
  public List<Task> tasks(String businessKey, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(taskKey).orderByTaskId().asc().list();
  }

  public Task task(String businessKey, String taskKey) {
    List<Task> tasks = tasks(businessKey, taskKey);
    assertThat(tasks).as("open tasks %s of cycle %s", taskKey, businessKey).hasSize(1);
    return tasks.get(0);
  }

  /** Submits a task's form as the person who would do it (assignee, or a coordinator/commissioner). */
  public void submit(Task task, Map<String, Object> fields) {
    String user = task.getAssignee() != null ? task.getAssignee() : candidateUser(task);
    as(user, () -> {
      engine.getFormService().submitTaskForm(task.getId(), fields);
      return null;
    });
  }

  private String candidateUser(Task task) {
    boolean forCoordinators = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .anyMatch(link -> "coordinators".equals(link.getGroupId()));
    return forCoordinators ? COORDINATOR : COMMISSIONER;
  }

  /** Executes the jobs of the cycle's processes that are due now (asynchronous steps, not future timers). */
  public void runJobs(String businessKey) {
    for (Job job : jobs(businessKey)) {
      engine.getManagementService().executeJob(job.getId());
    }
  }

  public List<Job> jobs(String businessKey) {
    List<Job> jobs = new ArrayList<>();
    engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()
        .forEach(pi -> jobs.addAll(engine.getManagementService().createJobQuery()
            .processInstanceId(pi.getId()).executable().list()));
    return jobs;
  }

  /** Runs the timer jobs of one activity (e.g. Event_SessionDue). */
  public void fireTimer(String businessKey, String activityId) {
    List<Job> timers = new ArrayList<>();
    engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()
        .forEach(pi -> timers.addAll(engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
            .activityId(activityId).list()));
    assertThat(timers).as("timer %s of cycle %s", activityId, businessKey).isNotEmpty();
    timers.forEach(job -> engine.getManagementService().executeJob(job.getId()));
  }

  // ---- the involvement gate ----

  /** Describes the request as the commissioner, with a session far enough away. */
  public void describeRequest(String bk, LocalDate sessionDate, int places) {
    submit(task(bk, "Activity_DescribeRequest"), requestFields(sessionDate, places));
  }

  public static Map<String, Object> requestFields(LocalDate sessionDate, int places) {
    Map<String, Object> f = new HashMap<>();
    f.put("whatIsAsked", "Tell us what made services hard to use when you were homeless.");
    f.put("whyAsked", "So the new service is built around what people really need.");
    f.put("involvementKind", "coproduction");
    f.put("sessionDate", sessionDate.toString());
    f.put("sessionTime", "10:30");
    f.put("durationHours", 2);
    f.put("sessionFormat", "in-person");
    f.put("venueAndAccess", "Community hall, step-free access, quiet room available.");
    f.put("places", places);
    f.put("livedExperience", SpinValues.jsonValue("[\"homelessness\",\"mental-health\"]").create());
    f.put("whoWillAttend", "The commissioner and the involvement coordinator.");
    return f;
  }

  public void acceptRequest(String bk) {
    submit(task(bk, "Activity_ReviewRequest"), Map.of("requestDecision", "accept"));
  }

  public void confirmExperts(String bk) {
    submit(task(bk, "Activity_ConfirmExperts"), Map.of("proposalConfirmed", true));
  }

  /** Every open invitation is accepted (by the expert in Tasklist or a coordinator for them). */
  public int acceptAllInvitations(String bk) {
    List<Task> invitations = tasks(bk, "Activity_AnswerInvitation");
    invitations.forEach(t -> submit(t, Map.of("invitationAnswer", "accept")));
    return invitations.size();
  }

  /**
   * A session everyone said yes to, but nobody came: the request goes back to the commissioner for
   * a new date, with the experts asked recorded against it.
   */
  public void sessionNobodyCameTo(String bk, LocalDate sessionDate, int places) {
    describeRequest(bk, sessionDate, places);
    acceptRequest(bk);
    confirmExperts(bk);
    acceptAllInvitations(bk);
    fireTimer(bk, "Event_SessionDue");
    tasks(bk, "Activity_RecordContribution").forEach(t -> submit(t, Map.of("attended", "no", "hoursGiven", 0)));
  }

  /** Session held: each accepted expert attended and said one thing. */
  public void recordContributions(String bk) {
    fireTimer(bk, "Event_SessionDue");
    List<Task> records = tasks(bk, "Activity_RecordContribution");
    assertThat(records).isNotEmpty();
    for (Task record : records) {
      Map<String, Object> f = new HashMap<>();
      f.put("attended", "yes");
      f.put("privateContribution1", "I could never get through on the phone before noon. " + record.getId());
      f.put("hoursGiven", 3);
      submit(record, f);
    }
  }

  /**
   * A session date well after the minimum notice and before the demo experts' consent reviews.
   * Each call moves a day on, so sessions in one test run do not share a day (an expert is never
   * booked for two sessions on one day).
   */
  public static LocalDate nextSessionDate() {
    return LocalDate.now().plusDays(20 + SESSIONS.getAndIncrement() % 120);
  }

  private static final java.util.concurrent.atomic.AtomicInteger SESSIONS = new java.util.concurrent.atomic.AtomicInteger();

  /** A whole gate, every invitation accepted. */
  public void passGate(String bk) {
    describeRequest(bk, nextSessionDate(), 2);
    acceptRequest(bk);
    confirmExperts(bk);
    acceptAllInvitations(bk);
    recordContributions(bk);
  }

  // ---- the stages of the cycle ----

  public void agreePlan(String bk) {
    submit(task(bk, "Activity_AgreeInvolvementPlan"), Map.of("sharedPurpose", "Design the outreach service together.",
        "rolesAgreed", "Experts co-design and co-decide; the commissioner writes.", "recompenseOffer", "choice",
        "planAgreed", true));
  }

  public void analyse(String bk) {
    passGate(bk);
    tasks(bk, "Activity_RecordContributionUse").forEach(t ->
        submit(t, Map.of("contributionUse", "It changed our opening hours in the needs assessment.")));
    submit(task(bk, "Activity_WriteNeedsAssessment"), Map.of("needsSummary", "Evening access matters most."));
  }

  /** A redraft (changes given) first answers every comment of the last round, as the commissioner must. */
  public void draftSpecification(String bk, String changes) {
    if (changes != null) {
      answerReviewComments(bk, "We changed this in the new draft, as you asked.");
    }
    Map<String, Object> f = new HashMap<>();
    f.put("specificationSummary", "An outreach service open until 10pm, seven days a week.");
    if (changes != null) {
      f.put("changesMade", changes);
    }
    submit(task(bk, "Activity_DraftSpecification"), f);
  }

  /** The commissioner answers each unanswered comment of the last review round: changed, and why. */
  public void answerReviewComments(String bk, String why) {
    SpecificationComments comments = ProcessAssertions.bean(SpecificationComments.class);
    long cycleId = Long.parseLong(bk);
    Map<Long, SpecificationComments.Answer> answers = new HashMap<>();
    comments.lastRound(cycleId).stream().filter(c -> !c.answered())
        .forEach(c -> answers.put(c.id(), new SpecificationComments.Answer(true, why)));
    comments.answer(cycleId, answers, COMMISSIONER);
  }

  public void reviewSpecification(String bk, String decision) {
    for (Task review : tasks(bk, "Activity_ReviewSpecification")) {
      Map<String, Object> f = new HashMap<>();
      f.put("specificationDecision", decision);
      if ("changes".equals(decision)) {
        f.put("privateReviewComments", "Please add peer workers to the team.");
      }
      submit(review, f);
    }
  }

  public void plan(String bk) {
    passGate(bk);
    draftSpecification(bk, null);
    reviewSpecification(bk, "approve");
  }

  public void procure(String bk) {
    evaluate(bk);
    tasks(bk, "Activity_ModerateScores").forEach(t -> {
      Map<String, Object> f = scores(4);
      f.put("moderationNotes", "The panel agreed after discussion.");
      submit(t, f);
    });
    String firstBid = engine.getTaskService().getVariable(task(bk, "Activity_DecideAward").getId(), "bidOptions")
        .toString().replaceAll(".*?\"value\":\"(\\d+)\".*", "$1");
    submit(task(bk, "Activity_DecideAward"), Map.of("winningBid", firstBid, "panelAgrees", "yes"));
    sendSummariesAndPublishAwardNotice(bk);
    fireTimer(bk, "Event_StandstillElapsed");
    tellPanelOfAward(bk);
    awardContract(bk, "CON-2027-014");
    publishContractDetails(bk);
  }

  /**
   * The commissioner sends each bidder its summary as drafted and publishes the award notice today.
   * Cycles on model versions before these steps (version tags 1 and 2) have neither: nothing is done.
   */
  public void sendSummariesAndPublishAwardNotice(String bk) {
    tasks(bk, "Activity_IssueAssessmentSummary").forEach(t -> submit(t, Map.of("privateAssessmentSummary",
        engine.getTaskService().getVariableLocal(t.getId(), "privateAssessmentSummary"),
        "summarySentOn", LocalDate.now().toString())));
    tasks(bk, "Activity_PublishAwardNotice").forEach(t -> submit(t, Map.of("awardNoticeReference",
        "2026/S 000-654321", "awardNoticePublishedOn", LocalDate.now().toString())));
  }

  /** The commissioner records the contract, entered into today. */
  public void awardContract(String bk, String reference) {
    submit(task(bk, "Activity_AwardContract"), Map.of("contractReference", reference,
        "contractSignedDate", LocalDate.now().toString(),
        "contractStartDate", LocalDate.now().plusMonths(3).toString()));
  }

  /** The commissioner records the contract details notice, published today (older model versions have none). */
  public void publishContractDetails(String bk) {
    tasks(bk, "Activity_PublishContractDetails").forEach(t -> submit(t, Map.of("detailsNoticeReference",
        "2026/S 000-777888", "detailsNoticePublishedOn", LocalDate.now().toString())));
  }

  /** The tender, two bids, the EVALUATION gate, and the panel's declarations; it waits at scoring. */
  public void tenderToScoring(String bk) {
    tenderToDeclarations(bk);
    tasks(bk, "Activity_DeclareInterests").forEach(t -> submit(t, Map.of("hasConflict", "no")));
  }

  /** The tender, two bids (Open Door Trust, Streetlight Housing) and the EVALUATION gate; it waits at the declarations. */
  public void tenderToDeclarations(String bk) {
    tenderToDeclarations(bk, "above-threshold");
  }

  /** As {@link #tenderToDeclarations(String)}, the tender following the route (its code, e.g. "light-touch"). */
  public void tenderToDeclarations(String bk, String route) {
    Map<String, Object> tender = new HashMap<>();
    tender.put("procurementRoute", route);
    tender.put("noticeReference", "2026/S 000-123456");
    tender.put("closingDate", LocalDate.now().toString());
    tender.put("coproductionQuestion", "How will you involve people who use the service?");
    tender.put("qualityWeighting", 40);
    tender.put("coproductionWeighting", 20);
    tender.put("socialValueWeighting", 10);
    tender.put("priceWeighting", 30);
    submit(task(bk, "Activity_PublishTender"), tender);
    fireTimer(bk, "Event_TenderClosed");
    submit(task(bk, "Activity_RecordBids"), Map.of("bid1Name", "Open Door Trust", "bid1Price", 950000,
        "bid2Name", "Streetlight Housing", "bid2Price", 880000));
    passGate(bk);
  }

  /** Up to the moderation: every panel member scores every bid 4; it waits at *Agree the panel's scores*. */
  public void evaluate(String bk) {
    tenderToScoring(bk);
    tasks(bk, "Activity_ScoreBid").forEach(t -> submit(t, scores(4)));
  }

  /** A coordinator tells each expert on the panel who does not read email the award decision, by phone. */
  public void tellPanelOfAward(String bk) {
    tasks(bk, "Activity_TellPanelOfAward").forEach(t -> submit(t, Map.of("awardToldBy", "phone",
        "awardToldOn", LocalDate.now().toString(), "awardToldConfirmed", true)));
  }

  public static Map<String, Object> scores(int score) {
    Map<String, Object> f = new HashMap<>();
    f.put("qualityScore", score);
    f.put("coproductionScore", score);
    f.put("socialValueScore", score);
    f.put("priceScore", score);
    return f;
  }

  public void review(String bk, String outcome) {
    fireTimer(bk, "Event_ReviewDue");
    passGate(bk);
    submit(task(bk, "Activity_DecideReviewOutcome"), Map.of("reviewOutcome", outcome,
        "reviewReason", "Experts' mystery shopping showed the service works."));
  }

  /** Answers every contribution and passes the plain English check. */
  public void answerAll(String bk) {
    for (Task answer : tasks(bk, "Activity_AnswerContribution")) {
      submit(answer, Map.of("answerOutcome", "adopted", "whatChanged", "We now open until 10pm.",
          "whyDecided", "You told us evenings matter most."));
    }
    submit(task(bk, "Activity_CheckPlainEnglish"), Map.of("plainEnglishOk", "yes"));
  }

  /** Every contributor acknowledges in Tasklist or has delivery attested by a coordinator. */
  public void deliverAllFeedback(String bk) {
    tasks(bk, "Activity_AcknowledgeFeedback").forEach(t -> submit(t, Map.of("feedbackRead", true)));
    tasks(bk, "Activity_DeliverFeedbackOffline").forEach(t -> submit(t, attestation()));
    followUpEmailFeedback(bk);
  }

  /**
   * Contributors who were emailed their feedback and have not used their link: their wait runs
   * out and a coordinator confirms delivery instead. Returns how many there were.
   */
  public int followUpEmailFeedback(String bk) {
    List<Job> waits = new ArrayList<>();
    engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(bk).list()
        .forEach(pi -> waits.addAll(engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
            .activityId("Event_NoEmailAcknowledgement").list()));
    waits.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    tasks(bk, "Activity_FollowUpFeedback").forEach(t -> submit(t, attestation()));
    return waits.size();
  }

  public static Map<String, Object> attestation() {
    return new HashMap<>(Map.of("deliveryMethod", "post", "deliveredOn", LocalDate.now().toString(),
        "deliveryConfirmed", true));
  }

}
