package org.coproduced.commissioning.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.coproduced.commissioning.support.WebSession;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.support.CycleDriver;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An auditor reads everything and changes nothing: every kind of write through the engine REST
 * API and through Cockpit's own API is refused with 403, and so is stopping a cycle. (Like every
 * user, an auditor may change their own password: that is their account, not the record.)
 */
@AccessTest
class AuditorWritesTest {

  private static final String PROCESS = "access-test-auditor-writes";

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ProcessEngine engine;
  @Autowired CycleRepository cycles;

  private String deploymentId;
  private String definitionId;
  private String instanceId;
  private String taskId;
  private String finishedInstanceId;

  @BeforeEach
  void oneRunningAndOneFinishedInstance() {
    deploymentId = repository.createDeployment()
        .addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
            .startEvent().userTask("Activity_Check").camundaCandidateGroups("coordinators").endEvent().done())
        .deploy().getId();
    definitionId = repository.createProcessDefinitionQuery().deploymentId(deploymentId).singleResult().getId();
    instanceId = runtime.startProcessInstanceByKey(PROCESS).getId();
    taskId = tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
    finishedInstanceId = runtime.startProcessInstanceByKey(PROCESS).getId();
    tasks.complete(tasks.createTaskQuery().processInstanceId(finishedInstanceId).singleResult().getId());
  }

  @AfterEach
  void removeTestProcess() {
    repository.deleteDeployment(deploymentId, true);
  }

  @Test
  void everyWriteThroughTheRestApiIsRefused() {
    WebSession rest = new WebSession(port);
    List<String> allowed = writes((method, path, body) -> rest.rest(method, "/engine-rest" + path, "auditor:demo", body));
    assertThat(allowed).isEmpty();
    assertNothingChanged();
  }

  @Test
  void everyWriteThroughCockpitIsRefused() {
    WebSession cockpit = new WebSession(port).signIn("cockpit", "auditor");
    List<String> allowed = writes((method, path, body) ->
        cockpit.send(method, "/camunda/api/engine/engine/default" + path, body));
    assertThat(allowed).isEmpty();
    assertNothingChanged();
    // Reading works in the same session: the refusals above are about writing.
    assertThat(cockpit.get("/camunda/api/engine/engine/default/process-instance/" + instanceId).statusCode())
        .isEqualTo(200);
  }

  @Test
  void auditorCannotStopACycle() {
    long cycleId = Long.parseLong(new CycleDriver(engine).startCycle("Not for auditors to stop").getBusinessKey());
    WebSession auditor = new WebSession(port).signIn("cockpit", "auditor");

    HttpResponse<String> form = auditor.get("/app/cycles/" + cycleId + "/cancel");
    HttpResponse<String> stop = auditor.postForm("/app/cycles/" + cycleId + "/cancel", "reason", "Auditors may not.",
        "token", "anything");

    assertThat(form.statusCode()).isEqualTo(403);
    assertThat(stop.statusCode()).isEqualTo(403);
    assertThat(cycles.findById(cycleId).orElseThrow().status()).isEqualTo("ACTIVE");
  }

  private interface Call {
    HttpResponse<String> send(String method, String path, String body);
  }

  private List<String> writes(Call call) {
    List<String[]> writes = List.of(
        new String[] {"POST", "/process-definition/key/" + PROCESS + "/start", "{}"},
        new String[] {"POST", "/process-definition/" + definitionId + "/submit-form", "{}"},
        new String[] {"PUT", "/process-definition/" + definitionId + "/suspended", "{\"suspended\": true}"},
        new String[] {"PUT", "/process-definition/" + definitionId + "/history-time-to-live",
            "{\"historyTimeToLive\": 0}"},
        new String[] {"DELETE", "/process-definition/" + definitionId, null},
        new String[] {"PUT", "/process-instance/" + instanceId + "/suspended", "{\"suspended\": true}"},
        new String[] {"PUT", "/process-instance/" + instanceId + "/variables/note",
            "{\"value\": \"changed\", \"type\": \"String\"}"},
        new String[] {"POST", "/process-instance/" + instanceId + "/modification",
            "{\"instructions\": [{\"type\": \"cancel\", \"activityId\": \"Activity_Check\"}]}"},
        new String[] {"DELETE", "/process-instance/" + instanceId, null},
        new String[] {"POST", "/task/" + taskId + "/claim", "{\"userId\": \"auditor\"}"},
        new String[] {"POST", "/task/" + taskId + "/assignee", "{\"userId\": \"auditor\"}"},
        new String[] {"POST", "/task/" + taskId + "/complete", "{\"variables\": {}}"},
        new String[] {"PUT", "/task/" + taskId + "/variables/note", "{\"value\": \"changed\", \"type\": \"String\"}"},
        new String[] {"DELETE", "/history/process-instance/" + finishedInstanceId, null},
        new String[] {"POST", "/user/create",
            "{\"profile\": {\"id\": \"auditormade\"}, \"credentials\": {\"password\": \"a-long-password-1\"}}"},
        new String[] {"POST", "/group/create", "{\"id\": \"auditormade\", \"name\": \"Made by an auditor\"}"},
        new String[] {"PUT", "/group/auditors/members/auditor-helper", null},
        new String[] {"POST", "/authorization/create",
            "{\"type\": 1, \"permissions\": [\"ALL\"], \"userId\": \"auditor\", \"resourceType\": 0, \"resourceId\": \"*\"}"},
        new String[] {"POST", "/filter/create",
            "{\"resourceType\": \"Task\", \"name\": \"Auditor filter\", \"query\": {}}"},
        new String[] {"DELETE", "/deployment/" + deploymentId, null});
    List<String> allowed = new ArrayList<>();
    for (String[] write : writes) {
      HttpResponse<String> response = call.send(write[0], write[1], write[2]);
      if (response.statusCode() != 403) {
        allowed.add(write[0] + " " + write[1] + " -> " + response.statusCode() + " " + response.body());
      }
    }
    return allowed;
  }

  private void assertNothingChanged() {
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).active().count()).isEqualTo(1);
    assertThat(runtime.getVariable(instanceId, "note")).isNull();
    assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(finishedInstanceId).count()).isOne();
    assertThat(repository.getProcessDefinition(definitionId).getHistoryTimeToLive()).isEqualTo(1);
    assertThat(engine.getIdentityService().createUserQuery().userId("auditormade").count()).isZero();
    assertThat(engine.getIdentityService().createGroupQuery().groupId("auditormade").count()).isZero();
    assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("auditors").userId("auditor-helper")
        .count()).isZero();
  }

}
