package org.coproduced.commissioning.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.cycle.SpecificationComments.ReviewComment;
import org.coproduced.commissioning.support.ApplicationTest;
import org.coproduced.commissioning.support.CycleDriver;
import org.coproduced.commissioning.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "What should change?" reaches the commissioner: the next draft shows every comment of the last
 * round by reference and cannot be sent until each has an answer; each reviewer reads the answers
 * to their own comments; the mediation meeting sees every round.
 */
@ApplicationTest
class SpecificationCommentsTest {

  @Autowired ProcessEngine engine;
  @Autowired SpecificationComments comments;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @LocalServerPort int port;

  CycleDriver driver;

  @BeforeEach
  void setUp() {
    driver = new CycleDriver(engine);
  }

  @Test
  void theRedraftWaitsForAnAnswerToEveryCommentAndTheReviewerReadsTheirs() {
    ProcessInstance cycle = driver.startCycleAtPlanGateDone("Comments answered");
    String bk = cycle.getBusinessKey();
    long cycleId = Long.parseLong(bk);
    driver.draftSpecification(bk, null);
    Map<String, String> saidBy = requestChanges(bk, 1);
    List<ReviewComment> lastRound = comments.lastRound(cycleId);
    assertThat(lastRound).extracting(ReviewComment::ref).startsWith("R1-1", "R1-2").hasSize(saidBy.size());

    Task draft = driver.task(bk, "Activity_DraftSpecification");
    assertThatThrownBy(() -> driver.submit(draft, redraft())).hasMessageContaining("R1-1").hasMessageContaining("R1-2");
    assertThat(cycle).isWaitingAt("Activity_DraftSpecification");

    WebSession commissioner = signedIn("commissioner");
    String page = commissioner.get(commentsPath(cycleId)).body();
    saidBy.values().forEach(words -> assertThat(page).contains(words));
    String token = WebSession.formToken(page);
    ReviewComment first = lastRound.get(0);
    ReviewComment second = lastRound.get(1);
    // A missing reason saves nothing, not even the complete answer beside it.
    String refused = commissioner.postForm(commentsPath(cycleId), "token", token,
        "changed-" + first.id(), "yes", "why-" + first.id(), "Peer workers are now on every shift.",
        "changed-" + second.id(), "no").body();
    assertThat(refused).contains("Please say why for R1-2");
    assertThat(comments.lastRound(cycleId)).noneMatch(ReviewComment::answered);
    assertThat(commissioner.postForm(commentsPath(cycleId), "token", "forged", "changed-" + first.id(), "yes",
        "why-" + first.id(), "Forged.").statusCode()).isEqualTo(403);

    commissioner.postForm(commentsPath(cycleId), "token", token,
        "changed-" + first.id(), "yes", "why-" + first.id(), "Peer workers are now on every shift.",
        "changed-" + second.id(), "no", "why-" + second.id(), "The budget cannot cover a second van this year.");
    lastRound.stream().skip(2).forEach(c -> comments.answer(cycleId,
        Map.of(c.id(), new SpecificationComments.Answer(true, "Done.")), "commissioner"));
    driver.submit(draft, redraft());

    assertThat(cycle).isWaitingAt("Activity_ReviewSpecification");
    Task review = driver.tasks(bk, "Activity_ReviewSpecification").get(0);
    String reviewer = (String) engine.getTaskService().getVariable(review.getId(), "reviewerRef");
    String theirPage = asReviewer(reviewer, user -> signedIn(user).get("/app/cycles/" + cycleId + "/specification")
        .body());
    ReviewComment theirs = comments.ofReviewer(cycleId, reviewer).get(0);
    assertThat(theirPage).contains("What you asked to change", theirs.ref(), saidBy.get(reviewer), theirs.why());
    saidBy.entrySet().stream().filter(e -> !e.getKey().equals(reviewer))
        .forEach(other -> assertThat(theirPage).as("another reviewer's words").doesNotContain(other.getValue()));
  }

  /**
   * Whoever the fair share chose may have no Tasklist sign-in (they hear by phone): for this page
   * they sign in as the demo user {@code expert6}, lent to them and given back afterwards.
   */
  private String asReviewer(String reviewerRef, java.util.function.Function<String, String> page) {
    String own = jdbc.sql("SELECT tasklist_user FROM cc_expert WHERE ref = ?").param(reviewerRef).query(String.class)
        .optional().orElse(null);
    if (own != null) {
      return page.apply(own);
    }
    jdbc.sql("UPDATE cc_expert SET tasklist_user = NULL WHERE ref = 'EX-0006'").update();
    jdbc.sql("UPDATE cc_expert SET tasklist_user = 'expert6' WHERE ref = ?").param(reviewerRef).update();
    try {
      return page.apply("expert6");
    } finally {
      jdbc.sql("UPDATE cc_expert SET tasklist_user = NULL WHERE ref = ?").param(reviewerRef).update();
      jdbc.sql("UPDATE cc_expert SET tasklist_user = 'expert6' WHERE ref = 'EX-0006'").update();
    }
  }

  @Test
  void theMediationMeetingSeesEveryRoundAndOnlyStaffReadTheComments() {
    ProcessInstance cycle = driver.startCycleAtPlanGateDone("Comments mediated");
    String bk = cycle.getBusinessKey();
    long cycleId = Long.parseLong(bk);
    driver.draftSpecification(bk, null);
    requestChanges(bk, 1);
    driver.draftSpecification(bk, "Second try.");
    requestChanges(bk, 2);
    driver.draftSpecification(bk, "Third try.");
    requestChanges(bk, 3);
    assertThat(cycle).isWaitingAt("Activity_HoldMediationMeeting");

    String page = signedIn("coordinator").get(commentsPath(cycleId)).body();

    assertThat(page).contains("R1-1", "R2-1", "R3-1", "Round 1 comment of", "Round 3 comment of",
        "We changed this in the new draft, as you asked.", "not answered yet").doesNotContain("Save the answers");
    assertThat(signedIn("auditor").get(commentsPath(cycleId)).statusCode()).isEqualTo(403);
    assertThat(signedIn("expert1").get(commentsPath(cycleId)).statusCode()).isEqualTo(403);
    assertThat(engine.getTaskService().getVariables(driver.task(bk, "Activity_HoldMediationMeeting").getId())
        .values().toString()).doesNotContain("comment of");
  }

  /** Every reviewer asks for changes in their own words; returns reviewer → words. */
  private Map<String, String> requestChanges(String bk, int round) {
    Map<String, String> saidBy = new HashMap<>();
    for (Task review : driver.tasks(bk, "Activity_ReviewSpecification")) {
      String reviewer = (String) engine.getTaskService().getVariable(review.getId(), "reviewerRef");
      String words = "Round " + round + " comment of " + reviewer + ": add peer workers at night.";
      saidBy.put(reviewer, words);
      driver.submit(review, Map.of("specificationDecision", "changes", "privateReviewComments", words));
    }
    return saidBy;
  }

  private static Map<String, Object> redraft() {
    return Map.of("specificationSummary", "An outreach service open until 10pm, with peer workers.",
        "changesMade", "Peer workers on every shift.");
  }

  private String commentsPath(long cycleId) {
    return "/app/cycles/" + cycleId + "/specification/comments";
  }

  private WebSession signedIn(String user) {
    return new WebSession(port).signIn(user.startsWith("auditor") ? "cockpit" : "tasklist", user);
  }
}
