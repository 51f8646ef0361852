package org.coproduced.commissioning.bench;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes one commissioning cycle from its start form to its end, the way the demo users would:
 * every open task is completed with the fields its form sends, and when nobody has anything to
 * do the cycle's due jobs run, then the next waiting timer (session, tender closing, standstill,
 * review) fires as if its time had come. Each gate asks for {@link #places} experts, who all
 * accept and attend; three bids are scored; every contributor gets their feedback.
 *
 * <p>The same walk drives the application's models and their bare copies ({@link BareModels}),
 * in this process ({@link JavaApiSteps}) or over the REST API of another ({@link RestSteps}).
 */
final class CycleWalker {

  /** The timers a cycle waits on between people's tasks; reminders and follow-ups never fire. */
  static final List<String> WAITING_TIMERS =
      List.of("Event_TenderClosed", "Event_SessionDue", "Event_StandstillElapsed", "Event_ReviewDue",
          // Contributors who hear by email and do not use their link: a coordinator follows up.
          "Event_NoEmailAcknowledgement");

  /**
   * Tasks that stay open while the cycle waits and close by themselves when their timer fires:
   * nobody completes them in a cycle where nothing goes wrong (no bidder challenges the award).
   */
  static final Set<String> LEFT_OPEN = Set.of("Activity_WatchForChallenge");

  private static final int MAX_ROUNDS = 500;
  private static final int MAX_IDLE_ROUNDS = 100;

  /** What the walk needs from an engine: the Java API here, or the REST API of another process. */
  interface Steps {
    /** Submits the start form as the commissioner; returns the cycle's business key. */
    String startCycle(String processKey, String businessKey, Map<String, Object> form);

    List<OpenTask> openTasks(String businessKey);

    /** Submits the task's form as its assignee, or as a coordinator or commissioner if it has none. */
    void submit(OpenTask task, Map<String, Object> fields);

    /** Jobs of the cycle that are due now (asynchronous steps, timers whose time has come). */
    List<String> dueJobs(String businessKey);

    /** The jobs of the cycle's timers on these activities, due or not. */
    List<String> timerJobs(String businessKey, List<String> activityIds);

    void executeJob(String jobId);

    /** A variable as its text (a Json value as its JSON), or {@code null}. */
    String taskVariable(String taskId, String name);

    boolean ended(String businessKey, String processKey);

    /** Where the cycle's process instances wait, for a message when the walk is stuck. */
    String whereItWaits(String businessKey);
  }

  record OpenTask(String id, String key, String assignee, Object handle) {}

  /** A Json variable's text, as Tasklist submits checklist values. */
  record JsonText(String json) {}

  private final Steps steps;
  private final int places;
  private final SessionDates dates;

  CycleWalker(Steps steps, int places, SessionDates dates) {
    this.steps = steps;
    this.places = places;
    this.dates = dates;
  }

  /** Starts a cycle of the given process key and walks it to its end; returns the business key. */
  String walk(String processKey, String businessKey, String title) {
    String bk = steps.startCycle(processKey, businessKey, startForm(title));
    int idle = 0;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<OpenTask> tasks = steps.openTasks(bk).stream().filter(task -> !LEFT_OPEN.contains(task.key())).toList();
      if (!tasks.isEmpty()) {
        for (OpenTask task : tasks) {
          steps.submit(task, fields(task));
        }
        continue;
      }
      List<String> jobs = steps.dueJobs(bk);
      if (jobs.isEmpty()) {
        jobs = steps.timerJobs(bk, WAITING_TIMERS);
      }
      if (!jobs.isEmpty()) {
        jobs.forEach(steps::executeJob);
        continue;
      }
      if (steps.ended(bk, processKey)) {
        return bk;
      }
      // An application with its own job executor may be running the job we were about to run.
      if (idle++ < MAX_IDLE_ROUNDS) {
        pause();
        round--;
        continue;
      }
      throw new IllegalStateException("Cycle " + bk + " of " + processKey + " is stuck: no task, job or timer; it "
          + "waits at " + steps.whereItWaits(bk));
    }
    throw new IllegalStateException("Cycle " + bk + " of " + processKey + " did not end in " + MAX_ROUNDS + " rounds");
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Map<String, Object> startForm(String title) {
    Map<String, Object> form = new HashMap<>();
    form.put("title", title);
    form.put("serviceArea", "housing-homelessness");
    form.put("budgetBand", "500k-2m");
    form.put("involvementPurpose", "People who have slept rough know what stops them using services. They will shape it.");
    form.put("desiredOutcomes", "Fewer people sleeping rough for more than one night.");
    form.put("timeline", "Needs analysis in spring, tender in summer, service from April.");
    return form;
  }

  private Map<String, Object> fields(OpenTask task) {
    Map<String, Object> f = new HashMap<>();
    switch (task.key()) {
      case "Activity_AgreeInvolvementPlan" -> {
        f.put("sharedPurpose", "Design the outreach service together.");
        f.put("rolesAgreed", "Experts co-design and co-decide; the commissioner writes.");
        f.put("recompenseOffer", "choice");
        f.put("planAgreed", true);
      }
      case "Activity_DescribeRequest" -> {
        f.put("whatIsAsked", "Tell us what made services hard to use when you were homeless.");
        f.put("whyAsked", "So the new service is built around what people really need.");
        f.put("involvementKind", "coproduction");
        f.put("sessionDate", dates.next().toString());
        f.put("sessionTime", "10:30");
        f.put("durationHours", 2);
        f.put("sessionFormat", "in-person");
        f.put("venueAndAccess", "Community hall, step-free access, quiet room available.");
        f.put("places", places);
        f.put("livedExperience", new JsonText("[\"homelessness\",\"mental-health\"]"));
        f.put("whoWillAttend", "The commissioner and the involvement coordinator.");
      }
      case "Activity_ReviewRequest" -> f.put("requestDecision", "accept");
      case "Activity_ConfirmExperts" -> f.put("proposalConfirmed", true);
      case "Activity_AnswerInvitation" -> f.put("invitationAnswer", "accept");
      case "Activity_RecordContribution" -> {
        f.put("attended", "yes");
        f.put("privateContribution1", "I could never get through on the phone before noon.");
        f.put("hoursGiven", 2);
      }
      case "Activity_RecordContributionUse" -> f.put("contributionUse", "It changed our opening hours.");
      case "Activity_WriteNeedsAssessment" -> f.put("needsSummary", "Evening access matters most.");
      case "Activity_DraftSpecification" ->
          f.put("specificationSummary", "An outreach service open until 10pm, seven days a week.");
      case "Activity_ReviewSpecification" -> f.put("specificationDecision", "approve");
      case "Activity_PublishTender" -> {
        f.put("procurementRoute", "above-threshold");
        f.put("noticeReference", "2026/S 000-123456");
        f.put("closingDate", LocalDate.now().toString());
        f.put("coproductionQuestion", "How will you involve people who use the service?");
        f.put("qualityWeighting", 40);
        f.put("coproductionWeighting", 20);
        f.put("socialValueWeighting", 10);
        f.put("priceWeighting", 30);
      }
      case "Activity_RecordBids" -> {
        f.put("bid1Name", "Open Door Trust");
        f.put("bid1Price", 950000);
        f.put("bid2Name", "Streetlight Housing");
        f.put("bid2Price", 880000);
        f.put("bid3Name", "Harbour Outreach");
        f.put("bid3Price", 910000);
      }
      case "Activity_DeclareInterests" -> f.put("hasConflict", "no");
      case "Activity_ScoreBid" -> f.putAll(scores());
      case "Activity_ModerateScores" -> {
        f.putAll(scores());
        f.put("moderationNotes", "The panel agreed after discussion.");
      }
      case "Activity_DecideAward" -> {
        String options = steps.taskVariable(task.id(), "bidOptions");
        // The application lists the bids as select options; a bare copy has none, and any value will do.
        f.put("winningBid", options == null ? "1" : options.replaceAll("(?s).*?\"value\"\\s*:\\s*\"(\\d+)\".*", "$1"));
        f.put("panelAgrees", "yes");
      }
      case "Activity_IssueAssessmentSummary" -> {
        String draft = steps.taskVariable(task.id(), "privateAssessmentSummary");
        f.put("privateAssessmentSummary", draft == null ? "We marked your tender against the published weightings." : draft);
        f.put("summarySentOn", LocalDate.now().toString());
      }
      case "Activity_PublishAwardNotice" -> {
        f.put("awardNoticeReference", "2026/S 000-654321");
        f.put("awardNoticePublishedOn", LocalDate.now().toString());
      }
      case "Activity_PublishContractDetails" -> {
        f.put("detailsNoticeReference", "2026/S 000-777888");
        f.put("detailsNoticePublishedOn", LocalDate.now().toString());
      }
      case "Activity_AwardContract" -> {
        f.put("contractSignedDate", LocalDate.now().toString());
        f.put("contractReference", "CON-2027-014");
        f.put("contractStartDate", LocalDate.now().plusMonths(3).toString());
      }
      case "Activity_TellPanelOfAward" -> {
        f.put("awardToldBy", "phone");
        f.put("awardToldOn", LocalDate.now().toString());
        f.put("awardToldConfirmed", true);
      }
      case "Activity_DecideReviewOutcome" -> {
        f.put("reviewOutcome", "continue");
        f.put("reviewReason", "Experts' mystery shopping showed the service works.");
      }
      case "Activity_AnswerContribution" -> {
        f.put("answerOutcome", "adopted");
        f.put("whatChanged", "We now open until 10pm.");
        f.put("whyDecided", "You told us evenings matter most.");
      }
      case "Activity_CheckPlainEnglish" -> f.put("plainEnglishOk", "yes");
      case "Activity_AcknowledgeFeedback" -> f.put("feedbackRead", true);
      case "Activity_DeliverFeedbackOffline", "Activity_FollowUpFeedback" -> {
        f.put("deliveryMethod", "post");
        f.put("deliveredOn", LocalDate.now().toString());
        f.put("deliveryConfirmed", true);
      }
      default -> throw new IllegalStateException("The walk does not expect task " + task.key()
          + " (a reminder or follow-up fired, or a gate found nobody)");
    }
    return f;
  }

  private static Map<String, Object> scores() {
    return Map.of("qualityScore", 4, "coproductionScore", 4, "socialValueScore", 4, "priceScore", 4);
  }

  /**
   * Session dates far enough ahead for the minimum notice, one day apart so that no expert is
   * booked twice on a day, and within the demo experts' consent period (five months).
   */
  static final class SessionDates {
    private final LocalDate first = LocalDate.now().plusDays(20);
    private int next;

    synchronized LocalDate next() {
      if (next >= 130) {
        throw new IllegalStateException("No session dates left within the demo experts' consent period: "
            + "at most 32 cycles per database");
      }
      return first.plusDays(next++);
    }
  }
}
