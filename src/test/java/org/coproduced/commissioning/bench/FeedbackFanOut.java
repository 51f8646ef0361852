package org.coproduced.commissioning.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.experts.ContactChannel;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.experts.NewExpert;
import org.coproduced.commissioning.involvement.ContributionRepository;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.RequestDetails;
import org.coproduced.commissioning.support.CycleDriver;
import org.springframework.context.ApplicationContext;

/**
 * "You said, we did" to many contributors at once: a cycle with one contribution from each of
 * {@code n} experts (seven in ten use Tasklist, the others hear by post), every contribution
 * answered, then the time from the coordinator's plain-English check until every contributor's
 * acknowledgement task (Tasklist) or delivery task (a coordinator, by post) exists. Emails are
 * not part of it yet: the application does not send them.
 */
final class FeedbackFanOut {

  record Result(double answerSeconds, double deliverySeconds, long acknowledgements, long offline) {}

  private FeedbackFanOut() {}

  static Result run(ApplicationContext context, int contributors) {
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
          null, null, tasklist ? null : i + " Example Street, Exampletown EX1 1AA",
          tasklist ? ContactChannel.TASKLIST : ContactChannel.POST, Set.of("homelessness"), "voucher", true,
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

    start = System.nanoTime();
    driver.submit(driver.task(bk, "Activity_CheckPlainEnglish"), Map.of("plainEnglishOk", "yes"));
    long acknowledgements = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(bk)
        .taskDefinitionKey("Activity_AcknowledgeFeedback").count();
    long offline = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(bk)
        .taskDefinitionKey("Activity_DeliverFeedbackOffline").count();
    double deliverySeconds = (System.nanoTime() - start) / 1e9;
    if (acknowledgements + offline != contributors) {
      throw new IllegalStateException("Expected a feedback task for each of " + contributors + " contributors, found "
          + (acknowledgements + offline));
    }
    return new Result(answerSeconds, deliverySeconds, acknowledgements, offline);
  }
}
