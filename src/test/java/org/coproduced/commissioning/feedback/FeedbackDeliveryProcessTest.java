package org.coproduced.commissioning.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.RequestDetails;
import org.coproduced.commissioning.support.ApplicationTest;
import org.coproduced.commissioning.support.CycleDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The paths of process {@code feedback-delivery}, one test per path. */
@ApplicationTest
class FeedbackDeliveryProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired CycleRepository cycles;
  @Autowired InvolvementRequestRepository requests;
  @Autowired ContributionRepository contributions;
  @Autowired ExpertRepository experts;
  @Autowired FeedbackRepository feedback;

  CycleDriver driver;
  long cycleId;
  String bk;

  /** A cycle with contributions from an expert in Tasklist (EX-0001) and one who prefers post (EX-0005). */
  @BeforeEach
  void cycleWithTwoContributors() {
    driver = new CycleDriver(engine);
    cycleId = cycles.insert("Feedback test", "mental-health", "under-100k", "Experts will shape the service.",
        "Better outcomes", "Spring", "commissioner", null);
    bk = String.valueOf(cycleId);
    long requestId = requests.save(null, cycleId, "ANALYSE", new RequestDetails("Share views", "To design it",
        "coproduction", CycleDriver.nextSessionDate(), "10:00", 2, "in-person", "Hall", 2, List.of("mental-health"),
        "Commissioner"), 20, null);
    contributions.insert(requestId, cycleId, experts.findByRef("EX-0001").orElseThrow().id(), "ANALYSE",
        "Open later in the evening.");
    contributions.insert(requestId, cycleId, experts.findByRef("EX-0001").orElseThrow().id(), "ANALYSE",
        "Let people bring their dogs.");
    contributions.insert(requestId, cycleId, experts.findByRef("EX-0005").orElseThrow().id(), "ANALYSE",
        "Send letters, not texts.");
  }

  private ProcessInstance start() {
    return engine.getRuntimeService().startProcessInstanceByKey("feedback-delivery", bk,
        Map.of("cycleId", cycleId, "commissioner", "commissioner"));
  }

  @Test
  void everyContributionIsAnsweredAndEveryContributorReached() {
    ProcessInstance delivery = start();
    assertThat(driver.tasks(bk, "Activity_AnswerContribution")).hasSize(3);

    driver.answerAll(bk);

    assertThat(driver.tasks(bk, "Activity_AcknowledgeFeedback")).singleElement()
        .extracting(Task::getAssignee).isEqualTo("expert1");
    assertThat(driver.tasks(bk, "Activity_DeliverFeedbackOffline")).hasSize(1);
    driver.deliverAllFeedback(bk);
    driver.runJobs(bk);
    assertThat(delivery).isEnded();
    assertThat(feedback.statusOf(cycleId, "EX-0001")).isEqualTo(FeedbackStatus.ACKNOWLEDGED);
    assertThat(feedback.statusOf(cycleId, "EX-0005")).isEqualTo(FeedbackStatus.ATTESTED);
  }

  @Test
  void contributorWhoPrefersPostIsAttestedOfflineByACoordinator() {
    ProcessInstance delivery = start();
    driver.answerAll(bk);

    Task offline = driver.task(bk, "Activity_DeliverFeedbackOffline");
    assertThat(engine.getTaskService().getVariable(offline.getId(), "contributorRef")).isEqualTo("EX-0005");
    driver.submit(offline, CycleDriver.attestation());

    assertThat(feedback.statusOf(cycleId, "EX-0005")).isEqualTo(FeedbackStatus.ATTESTED);
    assertThat(delivery).isWaitingAt("Activity_AcknowledgeFeedback");
  }

  @Test
  void stillWaitingWhileAnyContributorHasNotAcknowledged() {
    ProcessInstance delivery = start();
    driver.answerAll(bk);
    driver.submit(driver.task(bk, "Activity_DeliverFeedbackOffline"), CycleDriver.attestation());

    assertThat(delivery).isWaitingAt("Activity_AcknowledgeFeedback");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(delivery.getId())
        .activityId("Activity_ConfirmFeedbackComplete").count()).isZero();
    assertThat(feedback.waitingRefs(cycleId)).containsExactly("EX-0001");
  }

  @Test
  void noAcknowledgementGoesToACoordinatorToFollowUp() {
    ProcessInstance delivery = start();
    driver.answerAll(bk);

    driver.fireTimer(bk, "Event_NoAcknowledgement");

    Task followUp = driver.task(bk, "Activity_FollowUpFeedback");
    driver.submit(followUp, CycleDriver.attestation());
    driver.submit(driver.task(bk, "Activity_DeliverFeedbackOffline"), CycleDriver.attestation());
    driver.runJobs(bk);
    assertThat(delivery).isEnded();
    assertThat(feedback.statusOf(cycleId, "EX-0001")).isEqualTo(FeedbackStatus.ATTESTED);
  }

  @Test
  void answersThatAreNotPlainEnglishGoBackForRewording() {
    ProcessInstance delivery = start();
    for (Task answer : driver.tasks(bk, "Activity_AnswerContribution")) {
      driver.submit(answer, Map.of("answerOutcome", "partly", "whatChanged", "Operational parameters were realigned.",
          "whyDecided", "Strategic synergies."));
    }
    long first = contributions.findByCycle(cycleId).get(0).id();

    driver.submit(driver.task(bk, "Activity_CheckPlainEnglish"), Map.of("plainEnglishOk", "no",
        "rewordContributionRefs", "C-" + first, "suggestions", "Say what actually changed."));

    assertThat(delivery).isWaitingAt("Activity_AnswerContribution");
    Task again = driver.task(bk, "Activity_AnswerContribution");
    assertThat(engine.getTaskService().getVariable(again.getId(), "contributionRef")).isEqualTo("C-" + first);
  }

  @Test
  void aContributionLeftUnansweredKeepsTheAnswerTaskOpen() {
    start();
    Task answer = driver.tasks(bk, "Activity_AnswerContribution").get(0);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> driver.submit(answer, Map.of("answerOutcome", "adopted")))
        .hasMessageContaining("Please fill in");

    assertThat(driver.tasks(bk, "Activity_AnswerContribution")).hasSize(3);
    assertThat(driver.tasks(bk, "Activity_CheckPlainEnglish")).isEmpty();
  }
}
