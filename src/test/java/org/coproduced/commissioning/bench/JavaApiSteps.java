package org.coproduced.commissioning.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.coproduced.commissioning.support.CycleDriver;

/** The walk's steps through the Java API of the engine in this process, as the demo users. */
final class JavaApiSteps implements CycleWalker.Steps {

  private final ProcessEngine engine;
  private final CycleDriver driver;

  JavaApiSteps(ProcessEngine engine) {
    this.engine = engine;
    this.driver = new CycleDriver(engine);
  }

  @Override
  public String startCycle(String processKey, String businessKey, Map<String, Object> form) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(processKey).latestVersion().singleResult().getId();
    ProcessInstance cycle = driver.as(CycleDriver.COMMISSIONER,
        () -> engine.getFormService().submitStartForm(definitionId, businessKey, form));
    return cycle.getBusinessKey();
  }

  @Override
  public List<CycleWalker.OpenTask> openTasks(String businessKey) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey).list().stream()
        .map(t -> new CycleWalker.OpenTask(t.getId(), t.getTaskDefinitionKey(), t.getAssignee(), t)).toList();
  }

  @Override
  public void submit(CycleWalker.OpenTask task, Map<String, Object> fields) {
    Map<String, Object> values = new HashMap<>();
    fields.forEach((key, value) -> values.put(key, value instanceof CycleWalker.JsonText json
        ? SpinValues.jsonValue(json.json()).create() : value));
    driver.submit((Task) task.handle(), values);
  }

  @Override
  public List<String> dueJobs(String businessKey) {
    return driver.jobs(businessKey).stream().map(org.camunda.bpm.engine.runtime.Job::getId).toList();
  }

  @Override
  public List<String> timerJobs(String businessKey, List<String> activityIds) {
    List<String> jobs = new ArrayList<>();
    for (ProcessInstance instance : engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey).list()) {
      for (String activityId : activityIds) {
        engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
            .timers().list().forEach(job -> jobs.add(job.getId()));
      }
    }
    return jobs;
  }

  @Override
  public void executeJob(String jobId) {
    engine.getManagementService().executeJob(jobId);
  }

  @Override
  public String taskVariable(String taskId, String name) {
    Object value = engine.getTaskService().getVariable(taskId, name);
    return value == null ? null : value.toString();
  }

  @Override
  public String whereItWaits(String businessKey) {
    List<String> activities = new ArrayList<>();
    for (ProcessInstance instance : engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey).list()) {
      activities.addAll(engine.getRuntimeService().getActiveActivityIds(instance.getId()));
    }
    return activities.toString();
  }

  @Override
  public boolean ended(String businessKey, String processKey) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .processDefinitionKey(processKey).finished().count() > 0;
  }
}
