package org.coproduced.commissioning.bench;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.experts.ContactChannel;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.experts.NewExpert;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.RequestDetails;
import org.coproduced.commissioning.notification.Deliveries;
import org.coproduced.commissioning.support.CycleDriver;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "You said, we did" to many contributors at once: a cycle with one contribution from each of
 * {@code n} experts, every one with an email address (seven in ten also use Tasklist), every
 * contribution answered; then the time from the coordinator's plain-English check until the
 * mail server has one message for each contributor. The messages are sent by the application's
 * delivery jobs, run by {@link #SENDERS} threads as the job executor would run them, and counted
 * at a real SMTP server (GreenMail), which must hold exactly one per person.
 */
final class FeedbackFanOut {

  /** Threads running the delivery jobs, as many as the job executor's core pool (3) and one more. */
  static final int SENDERS = 4;

  record Result(double answerSeconds, double deliverySeconds, double sendSeconds, long acknowledgements,
      long messages) {}

  private FeedbackFanOut() {}

  static Result run(ApplicationContext context, GreenMail mailServer, int contributors) throws Exception {
    ProcessEngine engine = context.getBean(ProcessEngine.class);
    CycleDriver driver = new CycleDriver(engine);
    long cycleId = context.getBean(CycleRepository.class).insert("Feedback to " + contributors + " contributors",
        "housing-homelessness", "over-2m", "Everyone who has used the service will shape the new one.",
        "Better services", "This year", CycleDriver.COMMISSIONER, null);
    long requestId = context.getBean(InvolvementRequestRepository.class).save(null, cycleId, "ANALYSE",
        new RequestDetails("Tell us what worked", "To shape the new service", "consultation", LocalDate.now(), "10:00", 2,
            "online", "Online", contributors, List.of("homelessness"), "The commissioner"), 20, null);
    ExpertRepository experts = context.getBean(ExpertRepository.class);
    ContributionRepository contributions = context.getBean(ContributionRepository.class);
    LocalDate today = LocalDate.now();
    String run = Long.toString(System.nanoTime(), 36);
    for (int i = 0; i < contributors; i++) {
      boolean tasklist = i % 10 < 7;
      String ref = String.format("FB-%s-%05d", run, i);
      long expertId = experts.insert(new NewExpert(ref, tasklist ? "fb-" + run + "-" + i : null, "Contributor " + i,
          "contributor." + run + "." + i + "@example.org", null, null,
          tasklist ? ContactChannel.TASKLIST : ContactChannel.EMAIL, Set.of("homelessness"), "voucher", true,
          today.minusMonths(1), today.plusMonths(11), today.minusMonths(1), today.plusMonths(5), null, null, true, null));
      contributions.insert(requestId, cycleId, expertId, "ANALYSE", "What I said, number " + i + ".");
    }
    String bk = "feedback-" + cycleId;
    engine.getRuntimeService().startProcessInstanceByKey("feedback-delivery", bk,
        Map.of("cycleId", cycleId, "commissioner", CycleDriver.COMMISSIONER));

    long start = System.nanoTime();
    for (Task answer : driver.tasks(bk, "Activity_AnswerContribution")) {
      driver.submit(answer, Map.of("answerOutcome", "adopted", "whatChanged", "We now open until 10pm.",
          "whyDecided", "You told us evenings matter most."));
    }
    double answerSeconds = (System.nanoTime() - start) / 1e9;

    mailServer.purgeEmailFromAllMailboxes();
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    Deliveries deliveries = new Deliveries(engine, jdbc);
    start = System.nanoTime();
    driver.submit(driver.task(bk, "Activity_CheckPlainEnglish"), Map.of("plainEnglishOk", "yes"));
    double deliverySeconds = (System.nanoTime() - start) / 1e9;
    List<Job> sends = deliveries.jobs();
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    try {
      for (Future<?> sent : senders.invokeAll(sends.stream().<Callable<Object>>map(job -> () -> {
        engine.getManagementService().executeJob(job.getId());
        return null;
      }).toList())) {
        sent.get();
      }
    } finally {
      senders.shutdown();
    }
    double sendSeconds = (System.nanoTime() - start) / 1e9;

    long acknowledgements = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(bk)
        .taskDefinitionKey("Activity_AcknowledgeFeedback").count();
    List<String> recipients = new ArrayList<>();
    for (MimeMessage message : mailServer.getReceivedMessages()) {
      recipients.add(((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress());
    }
    long distinct = recipients.stream().distinct().count();
    if (recipients.size() != contributors || distinct != contributors) {
      throw new IllegalStateException("Expected exactly one message for each of " + contributors
          + " contributors at the mail server, found " + recipients.size() + " for " + distinct + " people");
    }
    return new Result(answerSeconds, deliverySeconds, sendSeconds, acknowledgements, recipients.size());
  }
}
