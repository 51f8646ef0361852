package org.coproduced.commissioning.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A person's browser against the running application: one cookie jar, the webapps' CSRF token,
 * and sign-in as the webapps do it. Also sends plain REST calls with or without a password.
 */
public class Browser {

  public static final String PASSWORD = "demo";

  private final int port;
  private final HttpClient http;
  private String csrfToken;

  public Browser(int port) {
    this.port = port;
    this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  }

  /** Opens a webapp, which starts a session and hands out the CSRF token. */
  public HttpResponse<String> open(String app) {
    return send(request("/camunda/app/" + app + "/default/").GET().build());
  }

  /** Signs in to a webapp as the browser does; asserts it worked. */
  public Browser signIn(String app, String userId) {
    assertThat(trySignIn(app, userId)).as("sign-in of %s to %s", userId, app).isEqualTo(200);
    return this;
  }

  public int trySignIn(String app, String userId) {
    open(app);
    HttpResponse<String> login = send(request("/camunda/api/admin/auth/user/default/login/" + app)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", csrfToken)
        .POST(HttpRequest.BodyPublishers.ofString(form("username", userId, "password", PASSWORD)))
        .build());
    if (login.statusCode() == 200) {
      // Signing in starts a new session; its first answer carries the new token.
      get("/camunda/api/admin/auth/user/default");
    }
    return login.statusCode();
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET().build());
  }

  /** A modifying request with the session's CSRF token, as the webapps send it. */
  public HttpResponse<String> send(String method, String path, String json) {
    return send(request(path).header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrfToken)
        .method(method, body(json)).build());
  }

  /** The same request without the CSRF token, as another site could make the browser send it. */
  public HttpResponse<String> sendWithoutToken(String method, String path, String json) {
    return send(request(path).header("Content-Type", "application/json").method(method, body(json)).build());
  }

  public HttpResponse<String> postForm(String path, String... pairs) {
    return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(pairs))).build());
  }

  /** A REST call with HTTP Basic credentials ({@code null}: anonymous), outside any session. */
  public HttpResponse<String> rest(String method, String path, String credentials, String json) {
    HttpRequest.Builder builder = request(path).header("Content-Type", "application/json").method(method, body(json));
    if (credentials != null) {
      builder.header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return send(builder.build());
  }

  public String csrfToken() {
    return csrfToken;
  }

  private HttpRequest.Builder request(String path) {
    URI uri = URI.create("http://localhost:" + port + path);
    // The webapps' CSRF filter wants modifying requests to come from their own origin.
    return HttpRequest.newBuilder(uri).header("Referer", uri.resolve("/camunda/app/cockpit/").toString());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      // The webapps hand out a new token with a new session (signing in starts one).
      response.headers().firstValue("X-XSRF-TOKEN").filter(token -> !"Required".equals(token))
          .ifPresent(token -> csrfToken = token);
      return response;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpRequest.BodyPublisher body(String json) {
    return json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
  }

  static String form(String... pairs) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      body.append(i == 0 ? "" : "&").append(pairs[i]).append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return body.toString();
  }
}
