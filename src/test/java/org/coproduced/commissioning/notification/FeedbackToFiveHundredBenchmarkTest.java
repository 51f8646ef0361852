package org.coproduced.commissioning.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.coproduced.commissioning.feedback.FeedbackLinks;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.experts.ContactChannel;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.experts.NewExpert;
import org.coproduced.commissioning.feedback.FeedbackRepository;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.RequestDetails;
import org.coproduced.commissioning.notification.Mailbox.Mail;
import org.coproduced.commissioning.support.CycleDriver;
import org.coproduced.commissioning.support.FaultsProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A benchmark, not a limit: "you said, we did" to 500 contributors who read email, from the
 * coordinator's plain English check to the end of the feedback process, each person confirming
 * through the link in the one message they received. Prints the time taken; asserts only that
 * everything arrived exactly once and the process completed.
 */
@FaultsProfile
@MailTest
class FeedbackToFiveHundredBenchmarkTest {

  static final int CONTRIBUTORS = 500;

  @RegisterExtension static GreenMailExtension mail = TestMailServer.extension();

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired CycleRepository cycles;
  @Autowired InvolvementRequestRepository requests;
  @Autowired ContributionRepository contributions;
  @Autowired ExpertRepository experts;
  @Autowired FeedbackRepository feedback;
  @Autowired FeedbackLinks links;

  @Test
  void feedbackToFiveHundredContributorsCompletesWithOneMessageEach() {
    CycleDriver driver = new CycleDriver(engine);
    Deliveries deliveries = new Deliveries(engine, jdbc);
    long cycleId = cycles.insert("Benchmark", "mental-health", "under-100k", "Experts will shape the service.",
        "Better outcomes", "Spring", "commissioner", null);
    long requestId = requests.save(null, cycleId, "ANALYSE", new RequestDetails("Share views", "To design it",
        "coproduction", CycleDriver.nextSessionDate(), "10:00", 2, "in-person", "Hall", 12, List.of("mental-health"),
        "Commissioner"), 20, null);
    LocalDate today = LocalDate.now();
    for (int n = 1; n <= CONTRIBUTORS; n++) {
      String ref = String.format("BM-%04d", n);
      // "benchmark" is no lived experience a request asks for, so these people are never proposed elsewhere.
      long expertId = experts.insert(new NewExpert(ref, null, "Benchmark Person " + n, address(n), null, null,
          ContactChannel.EMAIL, Set.of("benchmark"), "voucher", false, today, today.plusMonths(6), today,
          today.plusMonths(6), null, null, true, null));
      long contributionId = contributions.insert(requestId, cycleId, expertId, "ANALYSE", "Point number " + n);
      contributions.recordAnswer(contributionId, "adopted", "We changed it for person " + n, "Because you said so.");
    }
    String bk = String.valueOf(cycleId);
    ProcessInstance delivery = engine.getRuntimeService().startProcessInstanceByKey("feedback-delivery", bk,
        Map.of("cycleId", cycleId, "commissioner", "commissioner"));

    long start = System.nanoTime();
    driver.submit(driver.task(bk, "Activity_CheckPlainEnglish"), Map.of("plainEnglishOk", "yes"));
    long decided = System.nanoTime();
    deliveries.sendAll();
    long sent = System.nanoTime();
    List<Mail> received = Mailbox.read(mail);
    Map<String, Mail> byAddress = received.stream().collect(Collectors.toMap(Mail::to, Function.identity()));
    for (int n = 1; n <= CONTRIBUTORS; n++) {
      Mail mine = byAddress.get(address(n));
      assertThat(mine).as(address(n)).isNotNull();
      assertThat(mine.text()).containsPattern("Point number " + n + "\\R")
          .containsPattern("We changed it for person " + n + "\\R");
      links.acknowledge(mine.token("/app/feedback/acknowledge/"), null);
    }
    long acknowledged = System.nanoTime();
    driver.runJobs(bk);
    long end = System.nanoTime();

    assertThat(received).hasSize(CONTRIBUTORS);
    assertThat(byAddress).hasSize(CONTRIBUTORS);
    assertThat(feedback.waitingRefs(cycleId)).isEmpty();
    assertThat(delivery).isEnded();
    System.out.printf("BENCHMARK feedback to %d contributors: decided and queued %.1f s, sent %.1f s, "
            + "acknowledged through their links %.1f s, completed %.1f s; total %.1f s%n", CONTRIBUTORS,
        seconds(start, decided), seconds(decided, sent), seconds(sent, acknowledged), seconds(acknowledged, end),
        seconds(start, end));
  }

  /** The benchmark's people leave the pool, so other tests sharing the database never meet them. */
  @AfterEach
  void retireBenchmarkPeople() {
    jdbc.sql("UPDATE cc_expert SET status = 'LEFT' WHERE ref LIKE 'BM-%'").update();
  }

  private static String address(int n) {
    return "benchmark." + n + "@example.org";
  }

  private static double seconds(long from, long to) {
    return (to - from) / 1e9;
  }
}
