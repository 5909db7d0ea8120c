package duban.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The engine REST API as a demo user calls it (HTTP Basic, password demo). */
final class EngineRest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final HttpClient http = HttpClient.newHttpClient();

  EngineRest(String base) {
    this.base = base;
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  HttpResponse<String> call(String user, String method, String path, String json) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  JsonNode get(String user, String path) throws Exception {
    HttpResponse<String> response = call(user, "GET", path, null);
    assertThat(response.statusCode()).as("GET %s as %s: %s", path, user, response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  long count(String user, String path) throws Exception {
    return get(user, path).get("count").asLong();
  }

  /** Submits a task's form as the given user, the way Tasklist does. */
  void submitForm(String user, String taskId, String variablesJson) throws Exception {
    HttpResponse<String> response = call(user, "POST", "/engine-rest/task/" + taskId + "/submit-form",
        "{\"variables\":" + variablesJson + "}");
    assertThat(response.statusCode()).as("submit-form of %s as %s: %s", taskId, user, response.body()).isEqualTo(204);
  }
}
