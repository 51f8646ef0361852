package org.coproduced.commissioning.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's browser session with one running node of the application: a cookie jar, the Camunda
 * webapps' CSRF token, and sign-in through the same endpoint as the Tasklist and Cockpit login
 * pages. It also makes plain REST calls, with HTTP Basic credentials or anonymously.
 *
 * <p>Failures to reach the node are thrown unchecked, so that tests need not declare them.
 */
public final class WebSession {

  private static final String TOKEN_HEADER = "X-XSRF-TOKEN";
  private static final String TOKEN_COOKIE = "XSRF-TOKEN";
  /** What the webapps put in the token header when they refuse a request that lacked the token. */
  private static final String TOKEN_REFUSED = "Required";
  private static final String DEMO_PASSWORD = "demo";
  private static final Pattern FORM_TOKEN = Pattern.compile("name=\"token\" value=\"([0-9a-f]+)\"");

  private final String baseUrl;
  private final CookieManager cookies;
  private final HttpClient http;
  private String csrfToken;

  /** A session with the node at this address, such as {@code http://127.0.0.1:8080}. */
  public WebSession(String baseUrl) {
    this(baseUrl, new CookieManager(), null);
  }

  private WebSession(String baseUrl, CookieManager cookies, String csrfToken) {
    this.baseUrl = baseUrl;
    this.cookies = cookies;
    // A node that is starting, stopping or without its database must fail a test, not hang it.
    this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
    this.csrfToken = csrfToken;
  }

  /**
   * The same browser, with the same cookies and token, sending its next requests to another node at
   * this address: what a load balancer without sticky sessions does.
   */
  public WebSession onNode(String otherBaseUrl) {
    return new WebSession(otherBaseUrl, cookies, csrfToken);
  }

  /** A session with the application listening on this port of localhost. */
  public WebSession(int port) {
    this("http://localhost:" + port);
  }

  /** A new session that has opened the webapp, so that it holds a CSRF token. */
  public static WebSession open(int port, String app) {
    WebSession session = new WebSession(port);
    assertThat(session.open(app).headers().firstValue(TOKEN_HEADER)).as("the CSRF token %s hands out", app)
        .isPresent();
    return session;
  }

  /** Opens a webapp, which starts a session and hands out the CSRF token every change must echo. */
  public HttpResponse<String> open(String app) {
    return get("/camunda/app/" + app + "/default/");
  }

  /** Signs in to a webapp as its login page does; asserts that it worked. */
  public WebSession signIn(String app, String userId, String password) {
    HttpResponse<String> login = postSignIn(app, userId, password);
    assertThat(login.statusCode()).as("sign-in of %s to %s: %s", userId, app, login.body()).isEqualTo(200);
    return this;
  }

  /** Signs in as one of the demo users, whose password is {@code demo}; asserts that it worked. */
  public WebSession signIn(String app, String userId) {
    return signIn(app, userId, DEMO_PASSWORD);
  }

  /** Tries to sign in to a webapp as its login page does; returns the HTTP status of the sign-in. */
  public int trySignIn(String app, String userId, String password) {
    return postSignIn(app, userId, password).statusCode();
  }

  private HttpResponse<String> postSignIn(String app, String userId, String password) {
    if (csrfToken == null) {
      // A person first sees the webapp's login page, which hands out the token the sign-in must carry.
      open(app);
    }
    HttpResponse<String> login = send(withToken(request("/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form("username", userId, "password", password))));
    if (login.statusCode() == 200) {
      // Signing in starts a new session with a new token, handed out with the session's first answer.
      get("/camunda/api/admin/auth/user/default");
    }
    return login;
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  /** A form POST, as an HTML form on the application's pages sends it. */
  public HttpResponse<String> postForm(String path, String... pairs) {
    return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(pairs))));
  }

  /** A JSON request with the session's CSRF token, as the webapps send it; {@code json} may be null. */
  public HttpResponse<String> send(String method, String path, String json) {
    return send(withToken(jsonRequest(method, path, json)));
  }

  /** A JSON request as the webapps' scripts send it: the CSRF token, and the answer they accept (HAL). */
  public HttpResponse<String> send(String method, String path, String json, String accept) {
    return send(withToken(jsonRequest(method, path, json)).header("Accept", accept));
  }

  /** The same request without the CSRF token, as another site could make the browser send it. */
  public HttpResponse<String> sendWithoutToken(String method, String path, String json) {
    return send(jsonRequest(method, path, json));
  }

  /** A REST call with HTTP Basic credentials ({@code "user:password"}, or {@code null}: anonymous). */
  public HttpResponse<String> rest(String method, String path, String credentials, String json) {
    HttpRequest.Builder request = jsonRequest(method, path, json);
    if (credentials != null) {
      request.header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return send(request);
  }

  /** Submits a task form through Tasklist's own API, as its Complete button does. */
  public HttpResponse<String> submitInTasklist(String taskId, String variablesJson) {
    return send("POST", "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
        "{\"variables\":" + variablesJson + "}");
  }

  /** Submits a task form through the engine REST API with HTTP Basic credentials. */
  public HttpResponse<String> submitThroughRest(String taskId, String variablesJson, String userId, String password) {
    return rest("POST", "/engine-rest/task/" + taskId + "/submit-form", userId + ":" + password,
        "{\"variables\":" + variablesJson + "}");
  }

  public String csrfToken() {
    return csrfToken;
  }

  /** A URL-encoded form body from name and value pairs. */
  public static String form(String... pairs) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      body.append(i == 0 ? "" : "&").append(pairs[i]).append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return body.toString();
  }

  /** The token the forms on one of the application's own pages carry; asserts that the page has one. */
  public static String formToken(String html) {
    Matcher matcher = FORM_TOKEN.matcher(html);
    assertThat(matcher.find()).as("the page carries a form token").isTrue();
    return matcher.group(1);
  }

  private HttpRequest.Builder request(String path) {
    // The webapps' CSRF filter wants modifying requests to come from their own origin.
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Referer", baseUrl + "/camunda/app/tasklist/")
        .timeout(Duration.ofSeconds(60));
  }

  private HttpRequest.Builder jsonRequest(String method, String path, String json) {
    return request(path).header("Content-Type", "application/json").method(method, json == null
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
  }

  private HttpRequest.Builder withToken(HttpRequest.Builder request) {
    return csrfToken == null ? request : request.header(TOKEN_HEADER, csrfToken);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      rememberToken(response);
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Keeps the newest token: the webapps hand out a new one with every new session. */
  private void rememberToken(HttpResponse<String> response) {
    response.headers().firstValue(TOKEN_HEADER).filter(token -> !TOKEN_REFUSED.equals(token))
        .or(this::tokenCookie).ifPresent(token -> csrfToken = token);
  }

  private Optional<String> tokenCookie() {
    return cookies.getCookieStore().getCookies().stream().filter(cookie -> TOKEN_COOKIE.equals(cookie.getName()))
        .map(HttpCookie::getValue).findFirst();
  }
}
