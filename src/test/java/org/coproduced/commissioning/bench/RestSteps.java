package org.coproduced.commissioning.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The walk's steps through the engine REST API of an application running in another process,
 * with its job executor on: each form is submitted by the person whose task it is (HTTP Basic,
 * the demo password), the rest is looked up and run as the administrator.
 */
final class RestSteps implements CycleWalker.Steps {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The application refuses unpaged lists (query-max-results-limit). */
  private static final String PAGE = "firstResult=0&maxResults=1000";
  /** How the REST API writes dates. */
  private static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
  /**
   * A timer due later than this is run by the walk: running it takes well under a second, and
   * the job executor takes only jobs that are due. (Waiting for it instead would take minutes: an
   * idle job executor looks for due jobs only once a minute, and the demo profile's session timer
   * is due a minute after the invitations close.)
   */
  private static final Duration NOT_DUE_SOON = Duration.ofSeconds(30);
  /** A job that is due waits for the job executor: a retry would wait five minutes, so this fails first. */
  private static final Duration JOB_EXECUTOR_WITHIN = Duration.ofMinutes(2);

  private final String base;
  private final String password;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  RestSteps(int port, String password) {
    this.base = "http://localhost:" + port + "/engine-rest";
    this.password = password;
  }

  @Override
  public String startCycle(String processKey, String businessKey, Map<String, Object> form) {
    JsonNode started = post("commissioner", "/process-definition/key/" + processKey + "/submit-form", variables(form));
    return get("admin", "/process-instance/" + started.get("id").asText()).get("businessKey").asText();
  }

  @Override
  public List<CycleWalker.OpenTask> openTasks(String businessKey) {
    List<CycleWalker.OpenTask> tasks = new ArrayList<>();
    for (JsonNode task : get("admin", "/task?" + PAGE + "&processInstanceBusinessKey=" + encode(businessKey))) {
      String assignee = task.get("assignee").isNull() ? null : task.get("assignee").asText();
      tasks.add(new CycleWalker.OpenTask(task.get("id").asText(), task.get("taskDefinitionKey").asText(), assignee, null));
    }
    return tasks;
  }

  @Override
  public void submit(CycleWalker.OpenTask task, Map<String, Object> fields) {
    String user = task.assignee();
    if (user == null) {
      boolean coordinators = false;
      for (JsonNode link : get("admin", "/task/" + task.id() + "/identity-links")) {
        coordinators |= "coordinators".equals(link.path("groupId").asText());
      }
      user = coordinators ? "coordinator" : "commissioner";
    }
    post(user, "/task/" + task.id() + "/submit-form", variables(fields));
  }

  @Override
  public List<String> dueJobs(String businessKey) {
    List<String> jobs = new ArrayList<>();
    for (String instance : instances(businessKey)) {
      for (JsonNode job : get("admin", "/job?" + PAGE + "&executable=true&processInstanceId=" + instance)) {
        jobs.add(job.get("id").asText());
      }
    }
    return jobs;
  }

  @Override
  public List<String> timerJobs(String businessKey, List<String> activityIds) {
    List<String> jobs = new ArrayList<>();
    for (String instance : instances(businessKey)) {
      for (String activity : activityIds) {
        for (JsonNode job : get("admin", "/job?" + PAGE + "&timers=true&processInstanceId=" + instance + "&activityId=" + activity)) {
          jobs.add(job.get("id").asText());
        }
      }
    }
    return jobs;
  }

  /**
   * Never runs a job the application's job executor may run too (two runs of one job fail one of
   * them with an error in the log): a job that is due is left to the job executor, and this waits
   * until it has run; a timer that is not due yet (a session date, a closing date) is run now,
   * which the job executor cannot do at the same time, since it only takes due jobs.
   */
  @Override
  public void executeJob(String jobId) {
    HttpResponse<String> found = send("admin", HttpRequest.newBuilder(URI.create(base + "/job/" + jobId)).GET());
    if (found.statusCode() == 404) {
      return;
    }
    JsonNode job = read(found);
    if (dueLater(job)) {
      HttpResponse<String> response = send("admin", HttpRequest.newBuilder(URI.create(base + "/job/" + jobId
          + "/execute")).POST(HttpRequest.BodyPublishers.noBody()));
      if (response.statusCode() != 204) {
        throw new IllegalStateException("Job " + jobId + ": " + response.statusCode() + " " + response.body());
      }
      return;
    }
    awaitJobExecutor(jobId);
  }

  private static boolean dueLater(JsonNode job) {
    String due = job.path("dueDate").asText(null);
    return due != null && OffsetDateTime.parse(due, REST_DATE).isAfter(OffsetDateTime.now().plus(NOT_DUE_SOON));
  }

  private void awaitJobExecutor(String jobId) {
    long deadline = System.nanoTime() + JOB_EXECUTOR_WITHIN.toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = send("admin", HttpRequest.newBuilder(URI.create(base + "/job/" + jobId)).GET());
      if (response.statusCode() == 404) {
        return;
      }
      JsonNode job = read(response);
      if (job.path("retries").asInt(1) == 0) {
        throw new IllegalStateException("Job " + jobId + " failed: " + job.path("exceptionMessage").asText());
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("The job executor did not run job " + jobId + " within " + JOB_EXECUTOR_WITHIN
        + ": " + get("admin", "/job/" + jobId));
  }

  @Override
  public String taskVariable(String taskId, String name) {
    HttpResponse<String> response = send("admin", HttpRequest.newBuilder(
        URI.create(base + "/task/" + taskId + "/variables/" + name + "?deserializeValue=false")).GET());
    if (response.statusCode() == 404) {
      return null;
    }
    return read(response).path("value").asText(null);
  }

  @Override
  public boolean ended(String businessKey, String processKey) {
    return get("admin", "/history/process-instance/count?finished=true&processInstanceBusinessKey="
        + encode(businessKey) + "&processDefinitionKey=" + processKey).get("count").asLong() > 0;
  }

  @Override
  public String whereItWaits(String businessKey) {
    List<String> where = new ArrayList<>();
    for (String instance : instances(businessKey)) {
      where.add(get("admin", "/process-instance/" + instance + "/activity-instances").toString());
    }
    return where.toString();
  }

  private List<String> instances(String businessKey) {
    List<String> ids = new ArrayList<>();
    for (JsonNode instance : get("admin", "/process-instance?" + PAGE + "&businessKey=" + encode(businessKey))) {
      ids.add(instance.get("id").asText());
    }
    return ids;
  }

  private static ObjectNode variables(Map<String, Object> fields) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode variables = body.putObject("variables");
    fields.forEach((name, value) -> {
      ObjectNode variable = variables.putObject(name);
      if (value instanceof CycleWalker.JsonText json) {
        variable.put("value", json.json()).put("type", "Json");
      } else if (value instanceof Boolean b) {
        variable.put("value", b).put("type", "Boolean");
      } else if (value instanceof Integer i) {
        variable.put("value", i).put("type", "Integer");
      } else {
        variable.put("value", value.toString()).put("type", "String");
      }
    });
    return body;
  }

  private JsonNode get(String user, String path) {
    return read(send(user, HttpRequest.newBuilder(URI.create(base + path)).GET()));
  }

  private JsonNode post(String user, String path, JsonNode body) {
    return read(send(user, HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))));
  }

  private HttpResponse<String> send(String user, HttpRequest.Builder request) {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    try {
      return http.send(request.header("Authorization", "Basic " + credentials).header("Accept", "application/json")
          .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode read(HttpResponse<String> response) {
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(response.request().method() + " " + response.request().uri() + ": "
          + response.statusCode() + " " + response.body());
    }
    try {
      return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
