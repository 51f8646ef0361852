package org.coproduced.commissioning.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.coproduced.commissioning.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An expert cannot list, read, claim or complete another expert's task, nor a task still in the
 * coordinators' pool: not through the engine REST API, and not through the API Tasklist uses.
 */
@AccessTest
class ForeignTaskAccessTest {

  private static final String PROCESS = "access-test-foreign-task";
  private static final String PAGE = "firstResult=0&maxResults=50";

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  private final ObjectMapper json = new ObjectMapper();
  private String deploymentId;
  private final Map<String, String> taskOf = new HashMap<>();

  @BeforeEach
  void oneTaskForEachOfTwoExpertsAndOneInThePool() {
    deploymentId = repository.createDeployment()
        .addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("Activity_AnswerInvitation").camundaAssignee("${invitee}").camundaCandidateGroups("coordinators")
            .endEvent()
            .done())
        .deploy().getId();
    for (String invitee : List.of("expert1", "expert2", "")) {
      Map<String, Object> variables = new HashMap<>();
      variables.put("invitee", invitee.isEmpty() ? null : invitee);
      String instance = runtime.startProcessInstanceByKey(PROCESS, variables).getId();
      taskOf.put(invitee.isEmpty() ? "pool" : invitee,
          tasks.createTaskQuery().processInstanceId(instance).singleResult().getId());
    }
  }

  @AfterEach
  void removeTestProcess() {
    repository.deleteDeployment(deploymentId, true);
  }

  @Test
  void restApiShowsAnExpertOnlyTheirOwnTask() throws Exception {
    WebSession rest = new WebSession(port);
    HttpResponse<String> list = rest.rest("GET", "/engine-rest/task?processDefinitionKey=" + PROCESS + "&" + PAGE,
        "expert1:demo", null);
    assertThat(ids(list)).containsExactly(taskOf.get("expert1"));

    List<String> refused = attempts((method, path) -> rest.rest(method, "/engine-rest" + path.split("\\|")[0],
        "expert1:demo", body(path)).statusCode());
    assertThat(refused).isEmpty();
  }

  @Test
  void tasklistApiShowsAnExpertOnlyTheirOwnTask() throws Exception {
    WebSession tasklist = new WebSession(port).signIn("tasklist", "expert1");
    HttpResponse<String> list = tasklist.get("/camunda/api/engine/engine/default/task?processDefinitionKey="
        + PROCESS + "&" + PAGE);
    assertThat(ids(list)).containsExactly(taskOf.get("expert1"));

    List<String> refused = attempts((method, path) -> tasklist.send(method,
        "/camunda/api/engine/engine/default" + path.split("\\|")[0], body(path)).statusCode());
    assertThat(refused).isEmpty();
  }

  /** Reads and actions on the other expert's task and the pool's task; returns those that were not refused. */
  private List<String> attempts(BiFunction<String, String, Integer> call) {
    List<String> allowed = new ArrayList<>();
    for (String owner : List.of("expert2", "pool")) {
      String task = "/task/" + taskOf.get(owner);
      for (String attempt : List.of("GET " + task, "GET " + task + "/variables", "GET " + task + "/form-variables",
          "GET " + task + "/deployed-form", "POST " + task + "/claim|{\"userId\": \"expert1\"}",
          "POST " + task + "/complete|{\"variables\": {}}", "POST " + task + "/submit-form|{\"variables\": {}}",
          "PUT " + task + "/variables/invitationAnswer|{\"value\": \"accept\", \"type\": \"String\"}",
          "POST " + task + "/assignee|{\"userId\": \"expert1\"}",
          "POST " + task + "/comment/create|{\"message\": \"I will take this one\"}")) {
        String[] parts = attempt.split(" ", 2);
        int status = call.apply(parts[0], parts[1]);
        // The comment resource answers 400 when the engine will not find the task for this user.
        boolean refused = status == 403 || status == 404 || (status == 400 && parts[1].contains("/comment/"));
        if (!refused) {
          allowed.add(attempt + " (" + owner + ") -> " + status);
        }
      }
      assertThat(tasks.createTaskQuery().taskId(taskOf.get(owner)).singleResult().getAssignee())
          .as("nobody took the task of " + owner).isEqualTo("pool".equals(owner) ? null : owner);
      assertThat(tasks.getTaskComments(taskOf.get(owner))).as("comments on the task of " + owner).isEmpty();
      assertThat(tasks.getVariable(taskOf.get(owner), "invitationAnswer")).isNull();
    }
    return allowed;
  }

  /** The JSON body after the "|" of an attempt, if any. */
  private static String body(String pathAndBody) {
    int bar = pathAndBody.indexOf('|');
    return bar < 0 ? null : pathAndBody.substring(bar + 1);
  }

  private List<String> ids(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    for (JsonNode task : json.readTree(response.body())) {
      ids.add(task.get("id").asText());
    }
    return ids;
  }
}
