package org.coproduced.commissioning.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.experts.Expert;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.involvement.InvolvementRequest;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationStatus;
import org.coproduced.commissioning.involvement.matching.MatchingService;
import org.coproduced.commissioning.support.ApplicationTest;
import org.coproduced.commissioning.support.CycleDriver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * After a whole cycle in which experts said things, asked for adjustments, commented on the
 * specification, scored bids, declared their links to bidders, claimed expenses and replied to
 * their feedback, no table of the engine (history, runtime, byte arrays, identity) holds an
 * expert's name, email, phone, address or wellbeing notes, nor anything typed into a
 * {@code private*} field or a note about a person. Nor does the runtime while the cycle is still
 * waiting for some of its feedback.
 */
@ApplicationTest
class EngineTablesPrivacyTest {

  private static final Set<Integer> TEXT_TYPES = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR,
      Types.NVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB, Types.BINARY, Types.VARBINARY,
      Types.LONGVARBINARY, Types.BLOB, Types.OTHER);
  /** Shorter private texts could match by chance; every text this test types is longer. */
  private static final int SHORTEST = 12;

  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired InvolvementRequestRepository requests;
  @Autowired InvitationRepository invitations;
  @Autowired ExpertRepository experts;
  @Autowired MatchingService matching;
  @Autowired org.coproduced.commissioning.feedback.FeedbackQueries feedbackQueries;

  @Test
  void noPersonalDetailOrPrivateWordReachesAnyEngineTable() throws Exception {
    String title = "Privacy scan cycle " + System.nanoTime();
    String bk = runCycleUntilFeedbackIsDeliveredOffline(title);
    assertThat(scan(secrets())).as("personal details or private words in engine tables mid-cycle").isEmpty();
    finishCycle(bk);
    writePublicSummary(Long.parseLong(bk));

    Set<String> secrets = secrets();
    assertThat(secrets).as("the names and private words to look for")
        .contains("Asha Patel", "asha.patel@example.org", "Step-free access and a quiet room, please (privacy scan)",
            "The outreach van never came to our end of town (privacy scan)",
            "Add peer workers who have slept rough themselves (privacy scan)",
            "This bidder listened to us more than the others (privacy scan)",
            "Thank you, it matters that the van now comes (privacy scan)", CONFLICT_DETAILS, EXPENSES_NOTE,
            DELIVERY_NOTES, ACCESS_ARRANGED, REPLY_ANSWER, "We changed this in the new draft, as you asked.",
            AWARD_REASON, PUBLIC_WORDING, CHALLENGE_DETAILS, CHALLENGE_OUTCOME);

    Map<String, List<String>> found = scan(secrets);
    // The scan reads what the engine holds: the cycle's title is there, so a leak would be seen.
    assertThat(scan(Set.of(title))).as("the scan finds text the engine does hold").isNotEmpty();
    assertThat(found).as("personal details or private words in engine tables").isEmpty();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_HI_DETAIL WHERE NAME_ = 'privatePublicConsent'").query(Long.class)
        .single()).as("the yes or no to the public page stays out of history").isZero();
    Set<String> names = new LinkedHashSet<>();
    jdbc.sql("SELECT ref, display_name, email FROM cc_expert").query((rs, n) -> {
      names.add(rs.getString(1) + "");
      names.add(rs.getString(2));
      names.add(rs.getString(3));
      return null;
    }).list();
    names.remove(null);
    assertThat(org.coproduced.commissioning.support.PersonalDataScan.find(jdbc, "CC_PUBLIC",
        names.toArray(String[]::new))).as("names, emails or references on the public page's tables").isEmpty();
  }

  private static final String PEER_POINT = "My neighbour says the night shelter turns people away (privacy scan)";

  @Autowired org.springframework.context.ApplicationContext context;

  /** What a peer researcher gathered, and how many people they heard from, stays in the application's tables. */
  @Test
  void noWordAPeerResearcherRecordsReachesAnyEngineTable() throws Exception {
    var gate = new org.coproduced.commissioning.involvement.peerresearch.PeerResearchGate(context);
    String bk = gate.invited("Privacy scan peer research " + System.nanoTime(),
        org.coproduced.commissioning.involvement.peerresearch.PeerResearchGate.peerResearchOnly(1), "EX-0008");
    gate.driver().submit(gate.invitationOf(bk, "EX-0008"), Map.of("invitationAnswer", "accept",
        "privateAccessNeeds", "Large print forms for the people I ask, please (privacy scan)"));
    gate.driver().submit(gate.recordOf(bk, "EX-0008"),
        org.coproduced.commissioning.involvement.peerresearch.PeerResearchGate.gathered(6, 4, PEER_POINT));

    Set<String> secrets = secrets();
    assertThat(secrets).contains(PEER_POINT, "Large print forms for the people I ask, please (privacy scan)");
    assertThat(scan(secrets)).as("what people told a peer researcher, in engine tables").isEmpty();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE NAME_ LIKE 'privatePoint%'").query(Long.class)
        .single()).isZero();
  }

  private static final String WRITTEN_IN_TASKLIST = "I cannot do mornings since my last tenancy ended (written privacy scan)";
  private static final String TAKEN_DOWN = "My recording says the hostel curfew split my family (written privacy scan)";
  private static final String BY_THE_LINK = "I wrote this at the library because I have no phone (written privacy scan)";

  @Autowired org.coproduced.commissioning.notification.LinkTokens tokens;
  @Autowired org.coproduced.commissioning.involvement.written.WrittenContributionLinks writtenLinks;
  @Autowired org.coproduced.commissioning.involvement.written.WrittenContributionRepository offers;

  /**
   * Thoughts sent instead of coming, by each route (written in Tasklist, taken down by a
   * coordinator, sent by the email link), are in the application's contributions and in no
   * engine table.
   */
  @Test
  void thoughtsSentInsteadOfComingReachNoEngineTable() throws Exception {
    String title = "Written privacy scan " + System.nanoTime();
    CycleDriver driver = new CycleDriver(engine);
    String bk = driver.startCycle(title).getBusinessKey();
    driver.agreePlan(bk);
    driver.describeRequest(bk, CycleDriver.nextSessionDate(), 3);
    driver.acceptRequest(bk);
    long requestId = Collections.max(requests.idsOfCycle(Long.parseLong(bk)));
    jdbc.sql("DELETE FROM cc_invitation WHERE request_id = ?").param(requestId).update();
    Expert byEmail = new org.coproduced.commissioning.support.PoolFixtures(context).expert("payment", "homelessness");
    Map<String, Long> invitationOf = new HashMap<>();
    for (String ref : List.of("EX-0001", "EX-0007", byEmail.ref())) {
      invitationOf.put(ref, invitations.insert(requestId, experts.findByRef(ref).orElseThrow().id(),
          InvitationStatus.PROPOSED, false, null));
    }
    driver.confirmExperts(bk);
    for (Task answer : driver.tasks(bk, "Activity_AnswerInvitation")) {
      if (invitationOf.containsValue(((Number) engine.getTaskService().getVariable(answer.getId(), "invitationId"))
          .longValue())) {
        driver.submit(answer, Map.of("invitationAnswer", "decline"));
      }
    }
    driver.submit(offerTask(invitationOf.get("EX-0001")), Map.of("privateWrittenContribution", WRITTEN_IN_TASKLIST));
    driver.submit(offerTask(invitationOf.get("EX-0007")), Map.of("privateWrittenContribution", TAKEN_DOWN,
        "receivedHow", "recording"));
    long offer = offers.findByInvitation(invitationOf.get(byEmail.ref())).orElseThrow().id();
    String token = tokens.issue(org.coproduced.commissioning.notification.LinkTokens.Purpose.WRITTEN_CONTRIBUTION, offer,
        java.time.Instant.now().plusSeconds(3600), null);
    writtenLinks.send(token, BY_THE_LINK);

    assertThat(jdbc.sql("SELECT said FROM cc_contribution WHERE request_id = ? AND route = 'WRITTEN'").param(requestId)
        .query(String.class).list()).as("kept as contributions").containsExactlyInAnyOrder(WRITTEN_IN_TASKLIST,
            TAKEN_DOWN, BY_THE_LINK);
    assertThat(scan(Set.of(title))).as("the scan finds text the engine does hold").isNotEmpty();
    assertThat(scan(Set.of(WRITTEN_IN_TASKLIST, TAKEN_DOWN, BY_THE_LINK))).as("written words in engine tables")
        .isEmpty();
  }

  private Task offerTask(long invitationId) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(
        org.coproduced.commissioning.involvement.written.WrittenContributionVariables.businessKey(invitationId))
        .singleResult();
  }

  private static final String PUBLIC_WORDING = "Someone said the van should come at night (privacy scan)";

  @Autowired org.coproduced.commissioning.publication.PublicSummaries publicSummaries;
  @Autowired org.coproduced.commissioning.involvement.contribution.ContributionRepository contributions;
  @Autowired org.coproduced.commissioning.feedback.FeedbackRepository feedback;

  /** The commissioner's public wording for every point whose contributor said yes. */
  private void writePublicSummary(long cycleId) {
    Set<Long> consenting = feedback.publicConsentIds(cycleId);
    assertThat(consenting).as("someone said yes to the public page").isNotEmpty();
    Map<Long, org.coproduced.commissioning.publication.PublicSummary.PublicWording> wordings = new HashMap<>();
    contributions.outcomesOfCycles(List.of(cycleId)).stream().filter(o -> consenting.contains(o.expertId()))
        .forEach(o -> wordings.put(o.id(), new org.coproduced.commissioning.publication.PublicSummary.PublicWording(
            PUBLIC_WORDING, "The van comes at night now.", "You told us.")));
    publicSummaries.save(cycleId, new org.coproduced.commissioning.publication.PublicSummaries.Draft(
        "Night outreach", "We asked how outreach should work.", wordings), "commissioner");
  }

  private static final String CONFLICT_DETAILS =
      "My cousin volunteers at Open Door Trust, not on this service (privacy scan)";
  private static final String EXPENSES_NOTE = "Childcare for my daughter while I attended (privacy scan)";
  private static final String CHALLENGE_DETAILS = "A bidder's solicitor, Ray Moss, wrote to us (privacy scan)";
  private static final String CHALLENGE_OUTCOME = "Ray Moss withdrew it after a call (privacy scan)";
  private static final String AWARD_REASON = "Open Door Trust's manager Dee Quinn won the panel over (privacy scan)";
  private static final String DELIVERY_NOTES = "Read it aloud to them at home, they were pleased (privacy scan)";
  private static final String ACCESS_ARRANGED = "Booked the ground-floor room and a taxi (privacy scan)";
  private static final String REPLY_ANSWER = "We are glad the van helps; it will keep coming (privacy scan)";

  /** Experts' personal details, and everything stored from private fields and personal notes. */
  private Set<String> secrets() {
    Set<String> secrets = new LinkedHashSet<>();
    jdbc.sql("SELECT display_name, email, phone, postal_address, wellbeing_notes FROM cc_expert")
        .query((rs, n) -> {
          for (int i = 1; i <= 5; i++) {
            secrets.add(rs.getString(i));
          }
          return null;
        }).list();
    for (String privateText : List.of("SELECT said FROM cc_contribution", "SELECT comments FROM cc_specification_review",
        "SELECT reply FROM cc_feedback", "SELECT access_needs FROM cc_invitation", "SELECT notes FROM cc_bid_score",
        "SELECT details FROM cc_interest_declaration", "SELECT expenses_note FROM cc_invitation",
        "SELECT notes FROM cc_feedback", "SELECT access_arranged FROM cc_invitation",
        "SELECT why FROM cc_specification_answer", "SELECT reason_for_experts FROM cc_tender",
        "SELECT said FROM cc_public_contribution", "SELECT reply_answer FROM cc_feedback",
        "SELECT summary_text FROM cc_assessment_summary", "SELECT details FROM cc_standstill_challenge",
        "SELECT outcome_details FROM cc_standstill_challenge")) {
      jdbc.sql(privateText).query(String.class).list().stream()
          .filter(text -> text != null && text.length() >= SHORTEST).forEach(secrets::add);
    }
    secrets.remove(null);
    return secrets;
  }

  private String runCycleUntilFeedbackIsDeliveredOffline(String title) {
    CycleDriver driver = new CycleDriver(engine);
    String bk = driver.startCycle(title).getBusinessKey();
    driver.agreePlan(bk);
    gate(driver, bk);
    driver.tasks(bk, "Activity_RecordContributionUse").forEach(t ->
        driver.submit(t, Map.of("contributionUse", "It moved the service to the evenings.")));
    driver.submit(driver.task(bk, "Activity_WriteNeedsAssessment"), Map.of("needsSummary", "Evenings matter."));

    gate(driver, bk);
    driver.draftSpecification(bk, null);
    for (Task review : driver.tasks(bk, "Activity_ReviewSpecification")) {
      driver.submit(review, Map.of("specificationDecision", "changes",
          "privateReviewComments", "Add peer workers who have slept rough themselves (privacy scan)"));
    }
    driver.draftSpecification(bk, "Peer workers added.");
    driver.reviewSpecification(bk, "approve");

    procure(driver, bk);
    driver.fireTimer(bk, "Event_ReviewDue");
    gate(driver, bk);
    driver.submit(driver.task(bk, "Activity_DecideReviewOutcome"), Map.of("reviewOutcome", "continue",
        "reviewReason", "The service works."));
    driver.answerAll(bk);
    List<Task> offline = driver.tasks(bk, "Activity_DeliverFeedbackOffline");
    assertThat(offline).as("someone hears by post").isNotEmpty();
    for (Task delivery : offline) {
      Map<String, Object> f = CycleDriver.attestation();
      f.put("deliveryNotes", DELIVERY_NOTES);
      driver.submit(delivery, f);
    }
    assertThat(driver.tasks(bk, "Activity_AcknowledgeFeedback")).as("others still to acknowledge").isNotEmpty();
    return bk;
  }

  /**
   * Who is fairest depends on what the tests before this one asked of the shared pool; the scan
   * needs someone who reads their feedback in Tasklist, so one is added if none was proposed.
   */
  /**
   * Confirms the proposal with someone who uses Tasklist and someone a coordinator reaches by post
   * or phone on it, adding them from those free if the fair proposal has none: which experts the
   * shared pool still has free depends on the tests run before.
   */
  private void confirmWithSomeoneWhoUsesTasklist(CycleDriver driver, String bk) {
    InvolvementRequest request = requests.get(Collections.max(requests.idsOfCycle(Long.parseLong(bk))));
    Map<String, Object> confirm = new HashMap<>(Map.of("proposalConfirmed", true));
    List<String> proposed = invitations.findByRequest(request.id()).stream()
        .filter(i -> i.status() == InvitationStatus.PROPOSED).map(i -> i.expertRef()).toList();
    List<String> added = new java.util.ArrayList<>();
    if (proposed.stream().noneMatch(this::usesTasklist)) {
      added.add(matching.eligible(request).stream().map(c -> c.expert())
          .filter(Expert::usesTasklist).map(Expert::ref).findFirst()
          .orElseThrow(() -> new AssertionError("Nobody who uses Tasklist is free for " + bk)));
    }
    if (proposed.stream().noneMatch(this::reachedOffline)) {
      added.add(matching.eligible(request).stream().map(c -> c.expert().ref())
          .filter(this::reachedOffline).findFirst()
          .orElseThrow(() -> new AssertionError("Nobody reached by post or phone is free for " + bk)));
    }
    if (!added.isEmpty()) {
      confirm.put("addExpertRefs", String.join(",", added));
      confirm.put("overrideReason", "They asked to take part; we reach them the way they prefer.");
    }
    driver.submit(driver.task(bk, "Activity_ConfirmExperts"), confirm);
  }

  private boolean usesTasklist(String ref) {
    return experts.findByRef(ref).map(Expert::usesTasklist).orElse(false);
  }

  private boolean reachedOffline(String ref) {
    return "offline".equals(feedbackQueries.deliveryChannel(ref));
  }

  private void finishCycle(String bk) {
    CycleDriver driver = new CycleDriver(engine);
    driver.tasks(bk, "Activity_AcknowledgeFeedback").forEach(t -> driver.submit(t, Map.of("feedbackRead", true,
        "privateReply", "Thank you, it matters that the van now comes (privacy scan)", "privatePublicConsent", "yes")));
    // Each reply gives the coordinators a task; their answer is private too.
    List<Task> answers = engine.getTaskService().createTaskQuery().processDefinitionKey("feedback-reply")
        .processInstanceBusinessKeyLike("feedback-reply/" + bk + "/%").list();
    assertThat(answers).as("a task to answer each reply").isNotEmpty();
    answers.forEach(t -> driver.submit(t, Map.of("privateReplyAnswer", REPLY_ANSWER, "toldHow", "phone")));
    driver.followUpEmailFeedback(bk);
    driver.runJobs(bk);
    driver.runJobs(bk);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(bk).count())
        .as("the cycle has ended").isZero();
  }

  /** An involvement gate where every expert states access needs and makes three points. */
  private void gate(CycleDriver driver, String bk) {
    // Three places at each of four gates: the fair share reaches experts who hear by post or phone.
    driver.describeRequest(bk, CycleDriver.nextSessionDate(), 3);
    driver.acceptRequest(bk);
    confirmWithSomeoneWhoUsesTasklist(driver, bk);
    List<Object> invitationIds = new java.util.ArrayList<>();
    driver.tasks(bk, "Activity_AnswerInvitation").forEach(t -> {
      invitationIds.add(driver.engine().getTaskService().getVariable(t.getId(), "invitationId"));
      driver.submit(t, Map.of("invitationAnswer", "accept",
          "privateAccessNeeds", "Step-free access and a quiet room, please (privacy scan)"));
    });
    // Each yes with needs gives the coordinators a task; what they arranged is private too.
    for (Object invitationId : invitationIds) {
      driver.engine().getTaskService().createTaskQuery().processDefinitionKey("arrange-access-needs")
          .processInstanceBusinessKey("invitation/" + invitationId).list()
          .forEach(t -> driver.submit(t, Map.of("privateAccessArranged", ACCESS_ARRANGED)));
    }
    driver.fireTimer(bk, "Event_SessionDue");
    for (Task record : driver.tasks(bk, "Activity_RecordContribution")) {
      Map<String, Object> f = new HashMap<>();
      f.put("attended", "yes");
      f.put("privateContribution1", "The outreach van never came to our end of town (privacy scan)");
      f.put("privateContribution2", "Staff talked about me, not to me (privacy scan)");
      f.put("privateContribution3", "I was sent away three times before anyone listened (privacy scan)");
      f.put("hoursGiven", 2);
      f.put("expensesChildcare", 12.5);
      f.put("expensesApproved", true);
      f.put("privateExpensesNote", EXPENSES_NOTE);
      driver.submit(record, f);
    }
  }

  private void procure(CycleDriver driver, String bk) {
    Map<String, Object> tender = new HashMap<>();
    tender.put("noticeReference", "2026/S 000-777777");
    tender.put("closingDate", LocalDate.now().toString());
    tender.put("coproductionQuestion", "How will you involve people who use the service?");
    tender.put("qualityWeighting", 40);
    tender.put("coproductionWeighting", 20);
    tender.put("socialValueWeighting", 10);
    tender.put("priceWeighting", 30);
    driver.submit(driver.task(bk, "Activity_PublishTender"), tender);
    driver.fireTimer(bk, "Event_TenderClosed");
    driver.submit(driver.task(bk, "Activity_RecordBids"), Map.of("bid1Name", "Open Door Trust", "bid1Price", 950000,
        "bid2Name", "Streetlight Housing", "bid2Price", 880000));
    gate(driver, bk);
    driver.tasks(bk, "Activity_DeclareInterests").forEach(t -> driver.submit(t, Map.of("hasConflict", "no",
        "conflictDetails", CONFLICT_DETAILS)));
    driver.tasks(bk, "Activity_ScoreBid").forEach(t -> {
      Map<String, Object> f = CycleDriver.scores(4);
      f.put("privateScoreNotes", "This bidder listened to us more than the others (privacy scan)");
      driver.submit(t, f);
    });
    driver.tasks(bk, "Activity_ModerateScores").forEach(t -> {
      Map<String, Object> f = CycleDriver.scores(4);
      f.put("moderationNotes", "The panel agreed after discussion.");
      driver.submit(t, f);
    });
    Task decide = driver.task(bk, "Activity_DecideAward");
    String firstBid = driver.engine().getTaskService().getVariable(decide.getId(), "bidOptions").toString()
        .replaceAll(".*?\"value\":\"(\\d+)\".*", "$1");
    driver.submit(decide, Map.of("winningBid", firstBid, "panelAgrees", "yes", "reasonForExperts", AWARD_REASON));
    driver.sendSummariesAndPublishAwardNotice(bk);
    String today = LocalDate.now().toString();
    driver.submit(driver.task(bk, "Activity_WatchForChallenge"), Map.of("challengeReceivedOn", today,
        "privateChallengeDetails", CHALLENGE_DETAILS));
    driver.submit(driver.task(bk, "Activity_RecordChallengeOutcome"), Map.of("challengeOutcome", "withdrawn",
        "challengeOutcomeOn", today, "privateChallengeOutcomeDetails", CHALLENGE_OUTCOME));
    driver.fireTimer(bk, "Event_StandstillEndsAfterChallenge");
    driver.tellPanelOfAward(bk);
    driver.awardContract(bk, "CON-2027-777");
    driver.publishContractDetails(bk);
  }

  /** Every text and binary column of every engine table, searched for each secret (ignoring case). */
  private Map<String, List<String>> scan(Set<String> secrets) throws Exception {
    List<String> lowered = secrets.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    Map<String, List<String>> found = new HashMap<>();
    Set<String> tablesScanned = new LinkedHashSet<>();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData metadata = connection.getMetaData();
      Map<String, List<String>> columns = new HashMap<>();
      try (ResultSet rs = metadata.getColumns(null, null, "%", "%")) {
        while (rs.next()) {
          String table = rs.getString("TABLE_NAME");
          if (table.toUpperCase(Locale.ROOT).startsWith("ACT_") && TEXT_TYPES.contains(rs.getInt("DATA_TYPE"))) {
            columns.computeIfAbsent(table, t -> new ArrayList<>()).add(rs.getString("COLUMN_NAME"));
          }
        }
      }
      for (Map.Entry<String, List<String>> table : columns.entrySet()) {
        tablesScanned.add(table.getKey().toUpperCase(Locale.ROOT));
        try (Statement statement = connection.createStatement();
            ResultSet rows = statement.executeQuery("SELECT " + String.join(", ", table.getValue())
                + " FROM " + table.getKey())) {
          while (rows.next()) {
            for (String column : table.getValue()) {
              Object value = rows.getObject(column);
              String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                  : value instanceof java.sql.Blob blob ? new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8)
                  : value instanceof java.sql.Clob clob ? clob.getSubString(1, (int) clob.length())
                  : value == null ? null : value.toString();
              if (text == null) {
                continue;
              }
              String lower = text.toLowerCase(Locale.ROOT);
              for (int i = 0; i < lowered.size(); i++) {
                if (lower.contains(lowered.get(i))) {
                  found.computeIfAbsent(table.getKey() + "." + column, c -> new ArrayList<>())
                      .add(secrets.stream().toList().get(i));
                }
              }
            }
          }
        }
      }
    }
    assertThat(tablesScanned).contains("ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_TASKINST", "ACT_HI_COMMENT",
        "ACT_HI_OP_LOG", "ACT_HI_INCIDENT", "ACT_HI_IDENTITYLINK", "ACT_HI_DECINST", "ACT_HI_PROCINST",
        "ACT_HI_ACTINST", "ACT_RU_VARIABLE", "ACT_RU_TASK", "ACT_GE_BYTEARRAY", "ACT_ID_USER");
    return found;
  }
}
