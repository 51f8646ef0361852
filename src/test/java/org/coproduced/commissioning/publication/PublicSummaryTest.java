package org.coproduced.commissioning.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.cycle.CycleCancellation;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.feedback.FeedbackRepository;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository.ContributionOutcome;
import org.coproduced.commissioning.records.ExpertRecords;
import org.coproduced.commissioning.support.ApplicationTest;
import org.coproduced.commissioning.support.CycleDriver;
import org.coproduced.commissioning.support.PersonalDataScan;
import org.coproduced.commissioning.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;

/**
 * The public "we asked, you said, we did" page of a stopped cycle, from the contributors' yes or
 * no, through the commissioner's wording, the coordinator's approval and publication, to
 * withdrawal and erasure: nothing unpublished or unconsented can be read, and every step is
 * recorded for auditors.
 */
@ApplicationTest
class PublicSummaryTest {

  static final String HOSTILE = "<script>alert('x')</script> & \"more\"";
  static final String REASON = "The budget went to emergency housing. " + HOSTILE;
  static final String CONSENTED_WORDS = "Someone told us mornings are hard to reach us. " + HOSTILE;

  @Autowired ProcessEngine engine;
  @Autowired CycleCancellation cancellation;
  @Autowired ContributionRepository contributions;
  @Autowired FeedbackRepository feedback;
  @Autowired ExpertRepository experts;
  @Autowired PublicSummaryRepository summaries;
  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  CycleDriver driver;
  long cycleId;
  List<ContributionOutcome> outcomes;
  Set<Long> consenting;

  @BeforeEach
  void stoppedCycleWithFeedbackDelivered() {
    driver = new CycleDriver(engine);
    String bk = driver.startCycleAtPlanGateDone("Outreach " + System.nanoTime()).getBusinessKey();
    cycleId = Long.parseLong(bk);
    cancellation.cancel(cycleId, REASON);
    driver.answerAll(bk);
    // Who hears how depends on the fair share, so on what ran before: whoever's step it is (the
    // expert in Tasklist, or the coordinator for post, phone or an unanswered email), the first
    // contributor says yes and the others no.
    engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(bk).list()
        .forEach(pi -> engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
            .activityId("Event_NoEmailAcknowledgement").list()
            .forEach(job -> engine.getManagementService().executeJob(job.getId())));
    List<Task> steps = new ArrayList<>(driver.tasks(bk, "Activity_AcknowledgeFeedback"));
    steps.addAll(driver.tasks(bk, "Activity_DeliverFeedbackOffline"));
    steps.addAll(driver.tasks(bk, "Activity_FollowUpFeedback"));
    assertThat(steps).as("two contributors or more").hasSizeGreaterThan(1);
    for (Task step : steps) {
      Map<String, Object> f = "Activity_AcknowledgeFeedback".equals(step.getTaskDefinitionKey())
          ? new HashMap<>(Map.of("feedbackRead", true)) : CycleDriver.attestation();
      f.put("privatePublicConsent", step == steps.get(0) ? "yes" : "no");
      driver.submit(step, f);
    }
    outcomes = contributions.outcomesOfCycles(List.of(cycleId));
    consenting = feedback.publicConsentIds(cycleId);
  }

  @Test
  void onlyPublishedCyclesAndConsentedWordsReachThePublic() throws Exception {
    assertThat(consenting).as("some said yes").isNotEmpty();
    assertThat(outcomes.stream().filter(o -> !consenting.contains(o.expertId()))).as("some did not").isNotEmpty();
    WebSession anonymous = new WebSession(port);
    assertThat(anonymous.get("/public/cycles/" + cycleId).statusCode()).as("never written").isEqualTo(404);

    WebSession commissioner = new WebSession(port).signIn("tasklist", "commissioner");
    assertThat(save(commissioner, wordingsForConsenting()).statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/public/cycles/" + cycleId).statusCode()).as("drafted only").isEqualTo(404);

    WebSession coordinator = new WebSession(port).signIn("tasklist", "coordinator");
    assertThat(act(coordinator, "publish").statusCode()).as("a coordinator cannot publish").isEqualTo(403);
    assertThat(act(commissioner, "approve").statusCode()).as("a commissioner cannot approve").isEqualTo(403);
    assertThat(act(commissioner, "publish").body()).as("not approved yet")
        .contains("Only wording the coordinator has approved can be published.");
    assertThat(act(coordinator, "approve").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/public/cycles/" + cycleId).statusCode()).as("approved only").isEqualTo(404);
    assertThat(act(commissioner, "publish").statusCode()).isEqualTo(200);

    HttpResponse<String> page = anonymous.get("/public/cycles/" + cycleId);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Mornings matter", "This work has stopped", "The budget went to emergency housing",
        "Designing the service", "coproduction", "people took part", "Some people did not want their words shown")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;").doesNotContain("<script>");
    List<String> secrets = new ArrayList<>();
    contributions.findByCycle(cycleId).forEach(c -> {
      secrets.add(c.said());
      secrets.add(c.expertRef());
      secrets.add(c.ref() + "<");
    });
    experts.findByRef(contributions.findByCycle(cycleId).get(0).expertRef()).ifPresent(e -> secrets.add(e.displayName()));
    assertThat(secrets).allSatisfy(secret -> assertThat(page.body()).doesNotContain(secret));
    assertThat(anonymous.get("/public/cycles").body()).contains("/public/cycles/" + cycleId);

    HttpResponse<String> feed = anonymous.get("/public/feed.atom");
    assertThat(feed.headers().firstValue("Content-Type")).get().asString().startsWith("application/atom+xml");
    assertThat(feed.body()).contains("&lt;script&gt;").doesNotContain("<script>");
    Document atom = DocumentBuilderFactory.newInstance()
        .newDocumentBuilder().parse(new ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)));
    assertThat(atom.getDocumentElement().getTextContent()).as("the feed reads back as typed").contains(REASON);

    assertThat(act(commissioner, "withdraw").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/public/cycles/" + cycleId).statusCode()).as("withdrawn").isEqualTo(404);
    assertThat(anonymous.get("/public/feed.atom").body()).doesNotContain("/public/cycles/" + cycleId + "<");
    assertThat(summaries.events(cycleId)).extracting(e -> e.action() + " by " + e.by())
        .containsExactly("DRAFTED by commissioner", "APPROVED by coordinator", "PUBLISHED by commissioner",
            "WITHDRAWN by commissioner");
    assertThat(new WebSession(port).signIn("cockpit", "auditor").get("/app/api/audit/cycles/" + cycleId).body())
        .as("auditors see who did what").contains("\"publicPage\"", "\"WITHDRAWN\"", "\"by\":\"coordinator\"");
  }

  @Test
  void wordingForSomeoneWhoDidNotSayYesIsRefusedAndChangesNothing() {
    ContributionOutcome unconsented = outcomes.stream().filter(o -> !consenting.contains(o.expertId())).findFirst()
        .orElseThrow();
    WebSession commissioner = new WebSession(port).signIn("tasklist", "commissioner");
    Map<String, String> wordings = wordingsForConsenting();
    wordings.put("said-" + unconsented.id(), "Words nobody agreed to show");
    HttpResponse<String> refused = save(commissioner, wordings);
    assertThat(refused.body()).contains("has not agreed to the public page");
    assertThat(summaries.findByCycle(cycleId)).isEmpty();
    assertThat(summaries.events(cycleId)).isEmpty();
  }

  @Test
  void onlyStaffWithTheRightRoleAndTokenCanUseTheStaffPage() {
    String path = "/app/cycles/" + cycleId + "/public-summary";
    assertThat(new WebSession(port).get(path).statusCode()).isEqualTo(401);
    assertThat(new WebSession(port).signIn("tasklist", "expert1").get(path).statusCode()).isEqualTo(403);
    WebSession commissioner = new WebSession(port).signIn("tasklist", "commissioner");
    commissioner.get(path);
    assertThat(commissioner.postForm(path, "action", "save", "title", "No token", "purpose", "No token")
        .statusCode()).isEqualTo(403);
    assertThat(summaries.findByCycle(cycleId)).isEmpty();
    assertThat(new WebSession(port).get("/public/cycles/999999999").statusCode()).isEqualTo(404);
    assertThat(new WebSession(port).get("/public/cycles/not-a-number").statusCode()).isEqualTo(404);
  }

  @Test
  void theChoiceIsKeptInTheApplicationNotTheEngine() {
    assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE NAME_ = 'privatePublicConsent'")
        .query(Long.class).single()).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_HI_DETAIL WHERE NAME_ = 'privatePublicConsent'")
        .query(Long.class).single()).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_RU_VARIABLE WHERE NAME_ = 'privatePublicConsent'")
        .query(Long.class).single()).isZero();
    assertThat(jdbc.sql("SELECT public_consent_by FROM cc_feedback WHERE cycle_id = ? AND public_consent IS NOT NULL")
        .param(cycleId).query(String.class).list()).as("each choice, and who recorded it").hasSizeGreaterThan(1)
        .allSatisfy(by -> assertThat(by).isIn("contributor", "coordinator"));
  }

  @Test
  void erasingAnExpertTakesTheirWordsOffThePublicPage() {
    WebSession commissioner = new WebSession(port).signIn("tasklist", "commissioner");
    save(commissioner, wordingsForConsenting());
    act(new WebSession(port).signIn("tasklist", "coordinator"), "approve");
    act(commissioner, "publish");
    assertThat(new WebSession(port).get("/public/cycles/" + cycleId).body()).contains("Mornings matter");

    assertThat(context.getBeansOfType(ExpertRecords.class).values()).as("erasure reaches the public page")
        .contains(summaries);
    for (long expertId : consenting) {
      summaries.eraseExpert(expertId, new ExpertRecords.Erasure(LocalDate.now(), Instant.now(), "coordinator"));
    }

    assertThat(new WebSession(port).get("/public/cycles/" + cycleId).body()).doesNotContain("Mornings matter")
        .contains("People made");
    assertThat(PersonalDataScan.find(jdbc, "CC_PUBLIC", "Mornings matter")).isEmpty();
  }

  private Map<String, String> wordingsForConsenting() {
    Map<String, String> fields = new HashMap<>();
    for (ContributionOutcome o : outcomes) {
      if (consenting.contains(o.expertId())) {
        fields.put("said-" + o.id(), "Mornings matter. " + CONSENTED_WORDS);
        fields.put("changed-" + o.id(), "We open earlier.");
        fields.put("why-" + o.id(), "You told us.");
      }
    }
    return fields;
  }

  private HttpResponse<String> save(WebSession session, Map<String, String> wordings) {
    List<String> pairs = new ArrayList<>(List.of("action", "save", "title", "Outreach for people sleeping rough",
        "purpose", "We asked people who have slept rough to help us plan outreach."));
    wordings.forEach((key, value) -> {
      pairs.add(key);
      pairs.add(value);
    });
    return post(session, pairs);
  }

  private HttpResponse<String> act(WebSession session, String action) {
    return post(session, new ArrayList<>(List.of("action", action)));
  }

  private HttpResponse<String> post(WebSession session, List<String> pairs) {
    String path = "/app/cycles/" + cycleId + "/public-summary";
    String token = WebSession.formToken(session.get(path).body());
    pairs.add("token");
    pairs.add(token);
    return session.postForm(path, pairs.toArray(String[]::new));
  }
}
