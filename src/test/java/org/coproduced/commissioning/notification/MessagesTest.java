package org.coproduced.commissioning.notification;

import org.coproduced.commissioning.involvement.invitation.InvitationStatus;
import org.coproduced.commissioning.modelcheck.Stage;
import static org.assertj.core.api.Assertions.assertThat;

import org.coproduced.commissioning.cycle.StageUpdateMessage;
import org.coproduced.commissioning.cycle.OfflineStageUpdateMessage;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.RequestDetails;
import org.coproduced.commissioning.notification.Mailbox.Mail;
import org.coproduced.commissioning.support.CycleDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What each message says and who gets it, end to end: the models decide, the outbox records, the
 * delivery process sends through SMTP, and the test reads what arrived.
 */
@MailTest
class MessagesTest {

  static final String ASHA = "asha.patel@example.org"; // EX-0001, works in Tasklist
  static final String EILEEN = "eileen.murphy@example.org"; // EX-0005, prefers post
  static final String HARRY = "harry.walsh@example.org"; // EX-0008, prefers email
  static final String COMMISSIONER = "commissioner@example.org";
  static final String COORDINATOR = "coordinator@example.org";
  static final String MARKUP = "<b>Open late</b> & <script>alert('x')</script>";

  @RegisterExtension static GreenMailExtension mail = TestMailServer.extension();

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired CycleRepository cycles;
  @Autowired InvolvementRequestRepository requests;
  @Autowired InvitationRepository invitations;
  @Autowired ContributionRepository contributions;
  @Autowired ExpertRepository experts;
  @Autowired MessageQueue queue;
  @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

  CycleDriver driver;
  Deliveries deliveries;

  @BeforeEach
  void setUp() {
    driver = new CycleDriver(engine);
    deliveries = new Deliveries(engine, jdbc);
  }

  @Test
  void feedbackReachesEveryoneWhoReadsEmailWithEveryContributionAnswered() {
    String bk = feedbackCycle();
    answer(bk);

    deliveries.sendAll();

    assertThat(Mailbox.to(mail, EILEEN)).isEmpty(); // her coordinator delivers it by post
    Mail harry = single(HARRY, "What we did with what you said");
    assertThat(harry.text()).contains("Open later in the evening.", "We did this.", "We now open until 10pm.",
        "You told us evenings matter most.", "Let dogs in.", "We did part of this.", "Dogs in the day room only.",
        "Some people are afraid of dogs.", MARKUP, "We did not do this.", "Hard to staff.", "No money for it.");
    assertThat(harry.link("/app/feedback/acknowledge/")).startsWith("http://localhost:8080/app/feedback/acknowledge/");
    assertThat(harry.text()).doesNotContain("/camunda/app/tasklist/"); // Harry has no Tasklist sign-in
    Mail asha = single(ASHA, "What we did with what you said");
    assertThat(asha.text()).contains("Send letters, not texts.", "/camunda/app/tasklist/")
        .doesNotContain("Open later in the evening."); // only her own contributions
    assertThat(asha.link("/app/feedback/acknowledge/")).isNotEqualTo(harry.link("/app/feedback/acknowledge/"));
    Mailbox.read(mail).forEach(MessagesTest::assertFilledIn);
  }

  @Test
  void markupInWhatSomeoneSaidShowsAsTextAndNeverAsHtml() {
    String bk = feedbackCycle();
    answer(bk);

    deliveries.sendAll();

    Mail harry = single(HARRY, "What we did with what you said");
    assertThat(harry.html()).contains("&lt;b&gt;Open late&lt;/b&gt; &amp; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        .doesNotContain("<b>Open late</b>").doesNotContain("<script>");
    assertThat(harry.text()).contains(MARKUP);
  }

  @Test
  void theCommissionerHearsOnceAboutAllTheContributionsToAnswer() {
    String bk = feedbackCycle();
    assertThat(driver.tasks(bk, "Activity_AnswerContribution")).hasSize(5);

    deliveries.sendAll();

    Mail notice = single(COMMISSIONER, "You have a new task: Answer contribution C-");
    assertThat(notice.subject()).as("which cycle").endsWith(" · Evening outreach");
    assertThat(notice.text()).contains("You have 5 tasks like this waiting.")
        .contains("http://localhost:8080/camunda/app/tasklist/default/#/?task=");
    assertFilledIn(notice);
  }

  @Test
  void invitationCarriesThePreparationPackAndWaysToAnswer() {
    String bk = gateWithInvitationsTo("EX-0008", "EX-0001", "EX-0005");

    deliveries.sendAll();

    assertThat(Mailbox.to(mail, EILEEN)).isEmpty(); // the coordinators answer for her after writing to her
    Mail harry = single(HARRY, "An invitation to take part on ");
    assertThat(harry.text()).contains(
        "Tell us what made services hard to use when you were homeless.", // what is asked
        "So the new service is built around what people really need.", // why
        "This is coproduction: you will make decisions together with us", // said honestly
        "Start time: 10:30", "How long: 2 hours", "How it happens: in person",
        "Community hall, step-free access, quiet room available.", // where
        "The commissioner and the involvement coordinator.", // who else, by role
        "share your own experience", // what is expected
        "Spring: needs analysis. Summer: tender.", // the timeline
        "a voucher worth £26.90", "travel and childcare costs", // recompense (his choice) and expenses
        "To say yes, open this link:", "To say no, open this link:", "Please reply by",
        "Jo Bennett, involvement coordinator", "01632 960000", "involvement@exampletown.example");
    assertThat(harry.link("?answer=accept")).contains("/app/invitations/");
    assertThat(harry.link("?answer=decline")).contains("/app/invitations/");
    assertThat(harry.text()).doesNotContain("Tasklist");
    Mail asha = single(ASHA, "An invitation to take part on ");
    assertThat(asha.text()).contains("You can also answer in Tasklist", "We will pay you £26.90");
    Mailbox.read(mail).forEach(MessagesTest::assertFilledIn);
  }

  @Test
  void aConsultationSaysSoAndTheCouncilDecides() {
    String bk = gateWithInvitationsTo(Map.of("involvementKind", "consultation"), "EX-0008");

    deliveries.sendAll();

    assertThat(single(HARRY, "An invitation").text()).contains("This is a consultation")
        .contains("the council will then make the decision").doesNotContain("This is coproduction");
  }

  @Test
  void anUnansweredInvitationIsRemindedThenTheCoordinatorsAreTold() {
    String bk = gateWithInvitationsTo("EX-0008", "EX-0005");
    deliveries.sendAll();

    driver.fireTimer(bk, "Event_ReminderDue");
    deliveries.sendAll();
    Mail reminder = single(HARRY, "A reminder: would you like to take part on ");
    assertThat(reminder.link("?answer=accept")).contains("/app/invitations/");
    assertThat(Mailbox.to(mail, EILEEN)).isEmpty();

    driver.fireTimer(bk, "Event_NoAnswer");
    deliveries.sendAll();
    List<Mail> toCoordinator = Mailbox.to(mail, COORDINATOR).stream()
        .filter(m -> m.subject().equals("Someone has not replied: please get in touch")).toList();
    assertThat(toCoordinator).hasSize(2);
    assertThat(toCoordinator).anySatisfy(m -> assertThat(m.text()).contains("EX-0008, Harry Walsh, by email"));
    assertThat(toCoordinator).anySatisfy(m -> assertThat(m.text()).contains("EX-0005, Eileen Murphy, by post"));
    Mailbox.read(mail).forEach(MessagesTest::assertFilledIn);
  }

  @Test
  void afterEachStageEveryContributorSoFarHearsWhereThingsAreNow() {
    ProcessInstance cycle = driver.startCycle("Stage updates");
    String bk = cycle.getBusinessKey();
    driver.agreePlan(bk);
    driver.analyse(bk);
    List<String> contributors = contributions.contributorRefs(Long.parseLong(bk), null);
    assertThat(contributors).isNotEmpty();

    deliveries.sendAll();

    List<Mail> updates = Mailbox.read(mail).stream()
        .filter(m -> m.subject().startsWith("Where things are now")).toList();
    List<Mail> forCoordinators = Mailbox.to(mail, COORDINATOR).stream()
        .filter(m -> m.subject().equals("Please update people who prefer post or phone")).toList();
    for (String ref : contributors) {
      String address = emailOf(ref);
      boolean readsEmail = List.of("TASKLIST", "EMAIL").contains(channelOf(ref));
      assertThat(updates.stream().filter(m -> m.to().equals(address)).count()).as(ref).isEqualTo(readsEmail ? 1 : 0);
      if (!readsEmail) {
        assertThat(forCoordinators).singleElement().satisfies(m -> assertThat(m.text()).contains(ref));
      }
    }
    assertThat(updates).hasSize((int) contributors.stream().filter(r -> !List.of("POST", "PHONE").contains(channelOf(r))).count());
    assertThat(updates).allSatisfy(m -> assertThat(m.text())
        .contains("understanding what people need", "Evening access matters most.", "Next, we will design the service"));
    Mailbox.read(mail).forEach(MessagesTest::assertFilledIn);
  }

  @Test
  void eachStageSaysWhatItDecidedAndWhatComesNext() {
    long cycleId = cycles.insert("Every stage", "mental-health", "under-100k", "Experts will shape the service.",
        "Better outcomes", "Spring: needs analysis. Summer: tender.", "commissioner", null);
    cycles.recordNeedsAssessment(cycleId, "People need help in the evening.", null);
    cycles.recordSpecificationDraft(cycleId, "An outreach service open until 10pm.", null, null);
    jdbc.sql("""
            INSERT INTO cc_tender (cycle_id, notice_reference, closing_date, coproduction_question, quality_weighting,
              coproduction_weighting, social_value_weighting, price_weighting, contract_start_date)
            VALUES (?, 'N-1', CURRENT_DATE, 'How will you coproduce?', 40, 20, 10, 30, DATE '2027-04-01')""")
        .param(cycleId).update();
    jdbc.sql("INSERT INTO cc_bid (cycle_id, slot, bidder_name, price) VALUES (?, 1, 'Open Door Trust', 950000)")
        .param(cycleId).update();
    jdbc.sql("UPDATE cc_tender SET winning_bid_id = (SELECT id FROM cc_bid WHERE cycle_id = ?) WHERE cycle_id = ?")
        .params(cycleId, cycleId).update();
    cycles.recordReviewOutcome(cycleId, "recommission", "Mystery shoppers found the phone line closed at night.");
    new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(status -> {
      for (String stage : List.of("ANALYSE", "PLAN", "DO", "REVIEW")) {
        queue.queue("stage-update/" + cycleId + "/" + stage + "/0/EX-0008", Recipient.expert("EX-0008"),
            new StageUpdateMessage(cycleId, Stage.valueOf(stage)));
      }
      queue.queue("stage-update/" + cycleId + "/REVIEW/0/offline/coordinator", Recipient.user("coordinator"),
          new OfflineStageUpdateMessage(cycleId, Stage.REVIEW, List.of("EX-0005", "EX-0007")));
    });

    deliveries.sendAll();

    assertThat(single(HARRY, "Where things are now: understanding needs is done").text())
        .contains("People need help in the evening.", "Next, we will design the service together");
    assertThat(single(HARRY, "Where things are now: the service is designed").text())
        .contains("An outreach service open until 10pm.", "organisations will be invited to bid");
    assertThat(single(HARRY, "Where things are now: we have chosen who runs the service").text())
        .contains("Open Door Trust", "The service starts on Thursday 1 April 2027.");
    assertThat(single(HARRY, "Where things are now: we have checked how the service works").text())
        .contains("We will commission the service again", "Mystery shoppers found the phone line closed at night.",
            "Spring: needs analysis. Summer: tender.");
    assertThat(single(COORDINATOR, "Please update people who prefer post or phone").text())
        .contains("EX-0005, Eileen Murphy, by post", "EX-0007, Grace Lin, by phone", "What to tell them:",
            "Mystery shoppers found the phone line closed at night.");
    Mailbox.read(mail).forEach(MessagesTest::assertFilledIn);
  }

  @Test
  void aTaskGivenToSomeoneWhoPrefersPostGoesToTheCoordinators() {
    String bk = feedbackCycle();
    Task task = driver.tasks(bk, "Activity_AnswerContribution").get(0);
    engine.getTaskService().setAssignee(task.getId(), "expert5"); // Eileen's sign-in; she prefers post

    deliveries.sendAll();

    assertThat(Mailbox.to(mail, EILEEN)).isEmpty();
    Mail notice = single(COORDINATOR, "A task for someone who prefers post or phone");
    assertThat(task.getName()).matches("Answer contribution C-\\d+ · Evening outreach");
    assertThat(notice.text()).contains(task.getName(), "EX-0005, Eileen Murphy, by post", "?task=" + task.getId());
  }

  // ---- fixtures ----

  /** A cycle whose feedback is due: EX-0008 (email) said three things, EX-0001 (Tasklist) and EX-0005 (post) one each. */
  private String feedbackCycle() {
    long cycleId = cycles.insert("Evening outreach", "mental-health", "under-100k", "Experts will shape the service.",
        "Better outcomes", "Spring: needs analysis. Summer: tender.", "commissioner", null);
    long requestId = requests.save(null, cycleId, "ANALYSE", new RequestDetails("Share views", "To design it",
        "coproduction", CycleDriver.nextSessionDate(), "10:00", 2, "in-person", "Hall", 3, List.of("mental-health"),
        "Commissioner"), 20, null);
    contributions.insert(requestId, cycleId, expertId("EX-0008"), "ANALYSE", "Open later in the evening.");
    contributions.insert(requestId, cycleId, expertId("EX-0008"), "ANALYSE", "Let dogs in.");
    contributions.insert(requestId, cycleId, expertId("EX-0008"), "ANALYSE", MARKUP);
    contributions.insert(requestId, cycleId, expertId("EX-0001"), "ANALYSE", "Send letters, not texts.");
    contributions.insert(requestId, cycleId, expertId("EX-0005"), "ANALYSE", "Phone me in the morning.");
    String bk = String.valueOf(cycleId);
    engine.getRuntimeService().startProcessInstanceByKey("feedback-delivery", bk,
        Map.of("cycleId", cycleId, "commissioner", "commissioner"));
    return bk;
  }

  /** Answers each contribution in its own way, then passes the plain English check. */
  private void answer(String bk) {
    for (Task task : driver.tasks(bk, "Activity_AnswerContribution")) {
      String said = contributions.get(((Number) engine.getTaskService().getVariable(task.getId(), "contributionId"))
          .longValue()).said();
      Map<String, Object> answer = switch (said) {
        case "Let dogs in." -> Map.of("answerOutcome", "partly", "whatChanged", "Dogs in the day room only.",
            "whyDecided", "Some people are afraid of dogs.");
        case MARKUP -> Map.of("answerOutcome", "not-adopted", "whatChanged", "Hard to staff.",
            "whyDecided", "No money for it.");
        default -> Map.of("answerOutcome", "adopted", "whatChanged", "We now open until 10pm.",
            "whyDecided", "You told us evenings matter most.");
      };
      driver.submit(task, answer);
    }
    driver.submit(driver.task(bk, "Activity_CheckPlainEnglish"), Map.of("plainEnglishOk", "yes"));
  }

  /** An involvement gate whose coordinator confirms exactly these experts. */
  private String gateWithInvitationsTo(String... refs) {
    return gateWithInvitationsTo(Map.of(), refs);
  }

  private String gateWithInvitationsTo(Map<String, Object> requestChanges, String... refs) {
    long cycleId = cycles.insert("Evening outreach", "housing-homelessness", "under-100k",
        "Experts will shape the service.", "Better outcomes", "Spring: needs analysis. Summer: tender.", "commissioner",
        null);
    String bk = String.valueOf(cycleId);
    engine.getRuntimeService().startProcessInstanceByKey("involvement-request", bk,
        Map.of("cycleId", cycleId, "commissioner", "commissioner", "stage", "ANALYSE"));
    Map<String, Object> fields = new java.util.HashMap<>(CycleDriver.requestFields(CycleDriver.nextSessionDate(), refs.length));
    fields.putAll(requestChanges);
    driver.submit(driver.task(bk, "Activity_DescribeRequest"), fields);
    driver.acceptRequest(bk);
    long requestId = ((Number) engine.getRuntimeService().getVariable(
        driver.task(bk, "Activity_ConfirmExperts").getProcessInstanceId(), "requestId")).longValue();
    jdbc.sql("DELETE FROM cc_invitation WHERE request_id = ?").param(requestId).update();
    for (String ref : refs) {
      invitations.insert(requestId, expertId(ref), InvitationStatus.PROPOSED, false, null);
    }
    driver.confirmExperts(bk);
    return bk;
  }

  private long expertId(String ref) {
    return experts.findByRef(ref).orElseThrow().id();
  }

  private String emailOf(String ref) {
    return jdbc.sql("SELECT email FROM cc_expert WHERE ref = ?").param(ref).query(String.class).single();
  }

  private String channelOf(String ref) {
    return jdbc.sql("SELECT contact_channel FROM cc_expert WHERE ref = ?").param(ref).query(String.class).single();
  }

  private Mail single(String address, String subjectStart) {
    List<Mail> found = Mailbox.to(mail, address).stream().filter(m -> m.subject().startsWith(subjectStart)).toList();
    assertThat(found).as("messages to %s starting '%s' among %s", address, subjectStart,
        Mailbox.read(mail).stream().map(m -> m.to() + ": " + m.subject()).toList()).hasSize(1);
    return found.get(0);
  }

  /** Nothing a template meant to fill is left showing. */
  static void assertFilledIn(Mail mail) {
    assertThat(mail.subject()).doesNotContain("[", "$", "null");
    for (String part : List.of(mail.text(), mail.html())) {
      assertThat(part).isNotBlank().doesNotContain("${", "[(", "[[", "[#", "[/]", "null", "{{")
          .doesNotContainPattern("\\bth:[a-z]+");
    }
  }
}
