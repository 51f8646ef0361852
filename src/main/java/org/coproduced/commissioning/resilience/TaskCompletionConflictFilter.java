package org.coproduced.commissioning.resilience;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Gives a plain answer when a task form cannot be submitted because of someone else: the task was
 * completed already (in another tab, or by a colleague a moment earlier), or a colleague completed
 * their part of the same step at the same moment. The engine refused the submission and rolled it
 * back; without this filter Tasklist and REST clients would see the engine's internal message.
 * Covers Tasklist's own API and the engine REST API, and only answers that were errors already.
 */
public class TaskCompletionConflictFilter extends OncePerRequestFilter {

  public static final String ALREADY_COMPLETED = "This task has already been completed. Nothing was changed.";
  public static final String CHANGED_AT_THE_SAME_MOMENT = "Someone else saved their part of this work at the same "
      + "moment, so nothing was changed. Please submit the form again.";

  private static final Pattern TASK_COMPLETION = Pattern.compile(".*/task/([^/]+)/(submit-form|complete)");

  private final ProcessEngine engine;
  private final ObjectMapper json = new ObjectMapper();

  public TaskCompletionConflictFilter(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !TASK_COMPLETION.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher matcher = TASK_COMPLETION.matcher(request.getRequestURI());
    matcher.matches();
    String taskId = matcher.group(1);
    ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, wrapped);
      int status = wrapped.getStatus();
      // 401 and 403 are left alone: a person who may not act on the task learns nothing about it.
      if (status == 400 || status == 404 || status == 500) {
        explain(taskId, wrapped);
      }
    } finally {
      wrapped.copyBodyToResponse();
    }
  }

  private void explain(String taskId, ContentCachingResponseWrapper response) throws IOException {
    try {
      boolean open = taskIsOpen(taskId);
      if (!open && taskWasCompleted(taskId)) {
        replace(response, HttpServletResponse.SC_CONFLICT, "TaskAlreadyCompleted", ALREADY_COMPLETED);
      } else if (open && concurrentChange(response)) {
        replace(response, HttpServletResponse.SC_CONFLICT, "ChangedAtTheSameMoment", CHANGED_AT_THE_SAME_MOMENT);
      }
    } catch (RuntimeException lookupFailed) {
      if (!DatabaseFailures.isUnreachable(lookupFailed)) {
        throw lookupFailed;
      }
      // The submission failed because the database could not be reached: it changed nothing.
      response.setHeader("Retry-After", "60");
      replace(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "ServiceUnavailable", DatabaseFailures.TRY_AGAIN);
    }
  }

  private boolean concurrentChange(ContentCachingResponseWrapper response) {
    String body = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
    return body.contains("OptimisticLockingException") || body.contains("updated by another transaction concurrently")
        || body.contains("deadlock detected");
  }

  private boolean taskIsOpen(String taskId) {
    return unrestricted(() -> engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0);
  }

  private boolean taskWasCompleted(String taskId) {
    return unrestricted(() -> engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId)
        .finished().taskDeleteReason("completed").count() > 0);
  }

  /** Looks the task up whoever is asking: only the fact that it is open or completed is used. */
  private boolean unrestricted(java.util.function.BooleanSupplier lookup) {
    IdentityService identity = engine.getIdentityService();
    Authentication current = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return lookup.getAsBoolean();
    } finally {
      if (current != null) {
        identity.setAuthentication(current);
      }
    }
  }

  private void replace(ContentCachingResponseWrapper response, int status, String type, String message)
      throws IOException {
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    response.getOutputStream().write(json.writeValueAsBytes(body));
  }
}
