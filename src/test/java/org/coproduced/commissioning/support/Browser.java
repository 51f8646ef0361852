package org.coproduced.commissioning.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A person's browser: signs in to Tasklist like they do, then opens the application's pages. */
public class Browser {

  private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([0-9a-f]+)\"");

  private final int port;
  private final HttpClient http;

  public Browser(int port) {
    this.port = port;
    this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Signs in as a demo user (password demo), as the Tasklist login page does; auditors use Cockpit. */
  public Browser signIn(String user) throws Exception {
    return signIn(user, user.startsWith("auditor") ? "cockpit" : "tasklist");
  }

  public Browser signIn(String user, String app) throws Exception {
    HttpResponse<String> page = http.send(request("/camunda/app/tasklist/default/").GET().build(),
        HttpResponse.BodyHandlers.ofString());
    String csrf = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    HttpResponse<String> login = http.send(request("/camunda/api/admin/auth/user/default/login/" + app)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-XSRF-TOKEN", csrf)
            .POST(HttpRequest.BodyPublishers.ofString(form("username", user, "password", "demo")))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as("signing in as %s", user).isEqualTo(200);
    return this;
  }

  public HttpResponse<String> get(String path) throws Exception {
    return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> post(String path, String... fields) throws Exception {
    return http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The token the page's forms carry. */
  public static String token(String html) {
    Matcher matcher = TOKEN.matcher(html);
    assertThat(matcher.find()).as("the page has a form token").isTrue();
    return matcher.group(1);
  }

  private HttpRequest.Builder request(String path) {
    URI uri = URI.create("http://localhost:" + port + path);
    return HttpRequest.newBuilder(uri).header("Referer", uri.resolve("/camunda/app/tasklist/").toString());
  }

  private static String form(String... pairs) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      body.append(i == 0 ? "" : "&").append(pairs[i]).append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return body.toString();
  }
}
