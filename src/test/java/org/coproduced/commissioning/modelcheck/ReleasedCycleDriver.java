package org.coproduced.commissioning.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.coproduced.commissioning.support.CycleDriver;

/**
 * Drives the tasks of release 0.1.0's models with the fields of 0.1.0's forms, as people did in
 * Tasklist then. A frozen copy of what {@link CycleDriver} did at that release: the current models
 * (and {@link CycleDriver} with them) change, but a cycle started on 0.1.0 keeps 0.1.0's tasks
 * for years. Only the plumbing (finding a task, submitting it as its person, running a timer) is
 * {@link CycleDriver}'s.
 */
final class ReleasedCycleDriver {

  private final CycleDriver plumbing;

  ReleasedCycleDriver(CycleDriver plumbing) {
    this.plumbing = plumbing;
  }

  ProcessInstance startCycle(String title, String processDefinitionId) {
    Map<String, Object> form = new HashMap<>();
    form.put("title", title);
    form.put("serviceArea", "housing-homelessness");
    form.put("budgetBand", "500k-2m");
    form.put("involvementPurpose", "People who have slept rough know what stops them using services. They will shape it.");
    form.put("desiredOutcomes", "Fewer people sleeping rough for more than one night.");
    form.put("timeline", "Needs analysis in spring, tender in summer, service from April.");
    return plumbing.as(CycleDriver.COMMISSIONER,
        () -> plumbing.engine().getFormService().submitStartForm(processDefinitionId, form));
  }

  void agreePlan(String bk) {
    submit(bk, "Activity_AgreeInvolvementPlan", Map.of("sharedPurpose", "Design the outreach service together.",
        "rolesAgreed", "Experts co-design and co-decide; the commissioner writes.", "recompenseOffer", "choice",
        "planAgreed", true));
  }

  // ---- 0.1.0's involvement-request ----

  /** The request described, accepted and its experts confirmed: the invitations are open. */
  void openInvitations(String bk) {
    submit(bk, "Activity_DescribeRequest", requestFields(CycleDriver.nextSessionDate()));
    submit(bk, "Activity_ReviewRequest", Map.of("requestDecision", "accept"));
    submit(bk, "Activity_ConfirmExperts", Map.of("proposalConfirmed", true));
  }

  /** Every invitation accepted, the session held, and each expert's words recorded. */
  void holdSession(String bk) {
    plumbing.tasks(bk, "Activity_AnswerInvitation").forEach(t -> plumbing.submit(t, Map.of("invitationAnswer", "accept")));
    plumbing.fireTimer(bk, "Event_SessionDue");
    List<Task> records = plumbing.tasks(bk, "Activity_RecordContribution");
    assertThat(records).as("contributions to record in cycle %s", bk).isNotEmpty();
    for (Task record : records) {
      plumbing.submit(record, Map.of("attended", "yes",
          "privateContribution1", "I could never get through on the phone before noon. " + record.getId(), "hoursGiven", 3));
    }
  }

  void passGate(String bk) {
    openInvitations(bk);
    holdSession(bk);
  }

  // ---- 0.1.0's commissioning-cycle ----

  void useContributions(String bk) {
    plumbing.tasks(bk, "Activity_RecordContributionUse").forEach(t ->
        plumbing.submit(t, Map.of("contributionUse", "It changed our opening hours in the needs assessment.")));
    submit(bk, "Activity_WriteNeedsAssessment", Map.of("needsSummary", "Evening access matters most."));
  }

  void draftSpecification(String bk) {
    submit(bk, "Activity_DraftSpecification", Map.of("specificationSummary",
        "An outreach service open until 10pm, seven days a week."));
  }

  void approveSpecification(String bk) {
    plumbing.tasks(bk, "Activity_ReviewSpecification").forEach(t -> plumbing.submit(t,
        Map.of("specificationDecision", "approve")));
  }

  void publishTenderAndRecordBids(String bk) {
    submit(bk, "Activity_PublishTender", Map.of("noticeReference", "2026/S 000-123456",
        "closingDate", LocalDate.now().toString(), "coproductionQuestion", "How will you involve people who use the service?",
        "qualityWeighting", 40, "coproductionWeighting", 20, "socialValueWeighting", 10, "priceWeighting", 30));
    plumbing.fireTimer(bk, "Event_TenderClosed");
    submit(bk, "Activity_RecordBids", Map.of("bid1Name", "Open Door Trust", "bid1Price", 950000,
        "bid2Name", "Streetlight Housing", "bid2Price", 880000));
  }

  void declareInterests(String bk) {
    plumbing.tasks(bk, "Activity_DeclareInterests").forEach(t -> plumbing.submit(t, Map.of("hasConflict", "no")));
  }

  void scoreBids(String bk) {
    plumbing.tasks(bk, "Activity_ScoreBid").forEach(t -> plumbing.submit(t, scores()));
  }

  /** Scores moderated and the award decided: the standstill runs. */
  void moderateAndDecideAward(String bk) {
    plumbing.tasks(bk, "Activity_ModerateScores").forEach(t -> {
      Map<String, Object> fields = scores();
      fields.put("moderationNotes", "The panel agreed after discussion.");
      plumbing.submit(t, fields);
    });
    Task decide = plumbing.task(bk, "Activity_DecideAward");
    String firstBid = plumbing.engine().getTaskService().getVariable(decide.getId(), "bidOptions").toString()
        .replaceAll(".*?\"value\":\"(\\d+)\".*", "$1");
    plumbing.submit(decide, Map.of("winningBid", firstBid, "panelAgrees", "yes"));
  }

  void awardContract(String bk) {
    plumbing.fireTimer(bk, "Event_StandstillElapsed");
    submit(bk, "Activity_AwardContract", Map.of("contractReference", "CON-2027-014",
        "contractStartDate", LocalDate.now().plusMonths(3).toString()));
  }

  /** The review falls due: the REVIEW gate is called. */
  void reviewDue(String bk) {
    plumbing.fireTimer(bk, "Event_ReviewDue");
  }

  void decideToContinue(String bk) {
    submit(bk, "Activity_DecideReviewOutcome", Map.of("reviewOutcome", "continue",
        "reviewReason", "Experts' mystery shopping showed the service works."));
  }

  // ---- 0.1.0's feedback-delivery ----

  void answerAll(String bk) {
    plumbing.tasks(bk, "Activity_AnswerContribution").forEach(t -> plumbing.submit(t, Map.of("answerOutcome", "adopted",
        "whatChanged", "We now open until 10pm.", "whyDecided", "You told us evenings matter most.")));
    submit(bk, "Activity_CheckPlainEnglish", Map.of("plainEnglishOk", "yes"));
  }

  /** Each contributor acknowledges in Tasklist, or a coordinator attests delivery (post, or email left unread). */
  void deliverAllFeedback(String bk) {
    plumbing.tasks(bk, "Activity_AcknowledgeFeedback").forEach(t -> plumbing.submit(t, Map.of("feedbackRead", true)));
    plumbing.tasks(bk, "Activity_DeliverFeedbackOffline").forEach(t -> plumbing.submit(t, attestation()));
    plumbing.engine().getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(bk).list()
        .forEach(pi -> plumbing.engine().getManagementService().createJobQuery().processInstanceId(pi.getId())
            .activityId("Event_NoEmailAcknowledgement").list()
            .forEach(job -> plumbing.engine().getManagementService().executeJob(job.getId())));
    plumbing.tasks(bk, "Activity_FollowUpFeedback").forEach(t -> plumbing.submit(t, attestation()));
  }

  private static Map<String, Object> requestFields(LocalDate sessionDate) {
    Map<String, Object> f = new HashMap<>();
    f.put("whatIsAsked", "Tell us what made services hard to use when you were homeless.");
    f.put("whyAsked", "So the new service is built around what people really need.");
    f.put("involvementKind", "coproduction");
    f.put("sessionDate", sessionDate.toString());
    f.put("sessionTime", "10:30");
    f.put("durationHours", 2);
    f.put("sessionFormat", "in-person");
    f.put("venueAndAccess", "Community hall, step-free access, quiet room available.");
    f.put("places", 2);
    f.put("livedExperience", SpinValues.jsonValue("[\"homelessness\",\"mental-health\"]").create());
    f.put("whoWillAttend", "The commissioner and the involvement coordinator.");
    return f;
  }

  private static Map<String, Object> scores() {
    return new HashMap<>(Map.of("qualityScore", 4, "coproductionScore", 4, "socialValueScore", 4, "priceScore", 4));
  }

  private static Map<String, Object> attestation() {
    return new HashMap<>(Map.of("deliveryMethod", "post", "deliveredOn", LocalDate.now().toString(),
        "deliveryConfirmed", true));
  }

  private void submit(String bk, String taskKey, Map<String, Object> fields) {
    plumbing.submit(plumbing.task(bk, taskKey), fields);
  }
}
