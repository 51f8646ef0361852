package org.coproduced.commissioning.cluster;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A person's browser (session cookie and Tasklist's anti-forgery token) or a REST client with
 * HTTP Basic authentication, talking to one node.
 */
public final class Browser {

  private final CookieManager cookies = new CookieManager();
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final String baseUrl;

  public Browser(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Signs in to Tasklist as the webapp's login page does. */
  public Browser signIn(String user, String password) {
    // Opening Tasklist hands out the anti-forgery token that every later POST must carry.
    get("/camunda/app/tasklist/default/");
    HttpRequest.Builder login = HttpRequest.newBuilder(URI.create(baseUrl
            + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded");
    String token = xsrfToken();
    if (token != null) {
      login.header("X-XSRF-TOKEN", token);
    }
    HttpResponse<String> response = send(login.POST(HttpRequest.BodyPublishers.ofString("username=" + encode(user) + "&password=" + encode(password))));
    if (response.statusCode() != 200) {
      throw new IllegalStateException("sign-in of " + user + " answered " + response.statusCode() + ": " + response.body());
    }
    // Signing in starts a new session, with a new token.
    get("/camunda/app/tasklist/default/");
    return this;
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
  }

  /** Submits a task form through Tasklist's own API, as the Complete button does. */
  public HttpResponse<String> submitInTasklist(String taskId, String variablesJson) {
    return postJson("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
        "{\"variables\":" + variablesJson + "}", null);
  }

  /** Submits a task form through the engine REST API with HTTP Basic authentication. */
  public HttpResponse<String> submitThroughRest(String taskId, String variablesJson, String user, String password) {
    String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return postJson("/engine-rest/task/" + taskId + "/submit-form", "{\"variables\":" + variablesJson + "}",
        "Basic " + basic);
  }

  private HttpResponse<String> postJson(String path, String body, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    String token = xsrfToken();
    if (token != null) {
      request.header("X-XSRF-TOKEN", token);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request);
  }

  private String xsrfToken() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> "XSRF-TOKEN".equals(c.getName()))
        .map(HttpCookie::getValue).findFirst().orElse(null);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
