package org.coproduced.commissioning.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser-like session with the running application: cookies, the webapps' CSRF token, and a
 * sign-in through the same endpoint as the Tasklist and Cockpit login pages.
 */
public final class WebSession {

  private final int port;
  private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  private String csrfToken;

  private WebSession(int port) {
    this.port = port;
  }

  /** Opens a webapp page, which starts a session and hands out the token every POST must echo. */
  public static WebSession open(int port, String app) throws Exception {
    WebSession session = new WebSession(port);
    session.csrfToken = session.get("/camunda/app/" + app + "/default/").headers()
        .firstValue("X-XSRF-TOKEN").orElseThrow();
    return session;
  }

  /** Signs in as the webapp's login page does; returns the HTTP status of the sign-in. */
  public int signIn(String app, String userId, String password) throws Exception {
    return client.send(request("/camunda/api/admin/auth/user/default/login/" + app)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-XSRF-TOKEN", csrfToken)
            .POST(HttpRequest.BodyPublishers.ofString(form("username", userId, "password", password)))
            .build(),
        HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  public HttpResponse<String> get(String path) throws Exception {
    return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A form POST, as an HTML form on the application's pages sends it. */
  public HttpResponse<String> postForm(String path, String... pairs) throws Exception {
    return client.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(pairs))).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    URI uri = URI.create("http://localhost:" + port + path);
    // The webapps' CSRF filter wants modifying requests to come from their own origin.
    return HttpRequest.newBuilder(uri).header("Referer", uri.resolve("/camunda/app/tasklist/").toString());
  }

  public static String form(String... pairs) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      body.append(i == 0 ? "" : "&").append(pairs[i]).append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return body.toString();
  }
}
