package org.coproduced.commissioning.experts;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.coproduced.commissioning.support.CycleDriver;

/** Drives {@code expert-onboarding} as the coordinator does in Tasklist. */
final class OnboardingDriver {

  static final String COORDINATOR = "coordinator";

  private final ProcessEngine engine;
  private final CycleDriver as;

  OnboardingDriver(ProcessEngine engine) {
    this.engine = engine;
    this.as = new CycleDriver(engine);
  }

  /** Submits the start form as {@code user}. */
  ProcessInstance start(String user, String action, String ref) {
    Map<String, Object> form = new HashMap<>();
    form.put("onboardingAction", action);
    if (ref != null) {
      form.put("expertRef", ref);
    }
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(ExpertOnboardingVariables.PROCESS_ID).latestVersion().singleResult().getId();
    return as.as(user, () -> engine.getFormService().submitStartForm(definitionId, form));
  }

  Task task(ProcessInstance instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  void submit(ProcessInstance instance, Map<String, Object> fields) {
    Task task = task(instance);
    as.as(COORDINATOR, () -> {
      engine.getFormService().submitTaskForm(task.getId(), fields);
      return null;
    });
  }

  /** Someone joining who prefers email, new to coproduction, with EX-0001 as their buddy. */
  static Map<String, Object> joining(String name, String email) {
    LocalDate today = ProcessClock.today();
    Map<String, Object> f = new HashMap<>();
    f.put("privateName", name);
    f.put("contactChannel", "email");
    f.put("privateEmail", email);
    f.put("privatePhone", "01632 960777");
    f.put("privatePostalAddress", "");
    f.put("privateTasklistUser", "");
    f.put("livedExperience", SpinValues.jsonValue("[\"homelessness\",\"mental-health\"]").create());
    f.put("recompensePreference", "voucher");
    f.put("benefitsAdviceOffered", "yes");
    f.put("consentGiven", true);
    f.put("consentGivenOn", today.toString());
    f.put("consentReviewOn", today.plusYears(1).toString());
    f.put("wellbeingCheckedOn", today.toString());
    f.put("wellbeingReviewOn", today.plusMonths(3).toString());
    f.put("privateWellbeingNotes", "Finds large groups hard; sitting near the door helps.");
    f.put("experienced", false);
    f.put("buddyRef", "EX-0001");
    f.put("privateDeclaredInterests", "Volunteers at Kestrel Lane Drop-in");
    return f;
  }
}
