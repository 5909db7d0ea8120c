package duban.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A logged-in webapp session, as the browser holds one: session cookie plus the CSRF token Camunda hands out. */
public final class WebappSessionClient {

  private final String base;
  private final CookieManager cookies = new CookieManager();
  // HTTP/1.1, as a browser speaks to http://, without the JDK client's offer to upgrade to HTTP/2
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .cookieHandler(cookies).build();
  private String csrfToken;

  public WebappSessionClient(int port) {
    this.base = "http://localhost:" + port;
  }

  public int login(String user, String password) throws IOException, InterruptedException {
    send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/")).GET());
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    int status = send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))).statusCode();
    // the login starts a new session, which comes with a new CSRF token
    send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default")).GET());
    return status;
  }

  public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Any method, with a JSON body or none, as the browser sends it with the session and CSRF token. */
  public HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** The session's cookies and CSRF token as request headers, for a request sent by other means. */
  public String sessionHeaders() {
    StringBuilder headers = new StringBuilder("Cookie: ");
    headers.append(String.join("; ", cookies.getCookieStore().getCookies().stream().map(Object::toString).toList()));
    headers.append("\r\n");
    if (csrfToken != null) {
      headers.append("X-XSRF-TOKEN: ").append(csrfToken).append("\r\n");
    }
    return headers.toString();
  }

  public void forgetCsrfToken() {
    csrfToken = null;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    if (csrfToken != null) {
      request.header("X-XSRF-TOKEN", csrfToken);
    }
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    response.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> csrfToken = token);
    return response;
  }
}
