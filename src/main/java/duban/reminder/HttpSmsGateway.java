package duban.reminder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * An SMS platform reached over HTTP: the configured JSON template is posted with the number and text filled in,
 * with HTTP Basic credentials if given. 2xx is accepted; 429 and 5xx are transient; any other status a refusal.
 */
final class HttpSmsGateway implements SmsGateway {

  private final ReminderSettings.Sms settings;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  HttpSmsGateway(ReminderSettings.Sms settings) {
    this.settings = settings;
  }

  @Override
  public void send(String mobile, String text) throws IOException, Rejected, InterruptedException {
    String body = settings.template().replace("{phone}", json(mobile)).replace("{text}", json(text));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.url())).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (settings.username() != null && !settings.username().isBlank()) {
      String credentials = settings.username() + ":" + (settings.password() == null ? "" : settings.password());
      request.header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    int status = response.statusCode();
    if (status / 100 == 2) {
      return;
    }
    String detail = "短信平台答复 HTTP " + status + "：" + abbreviate(response.body());
    if (status == 429 || status >= 500) {
      throw new IOException(detail);
    }
    throw new Rejected(detail);
  }

  /** The value as the inside of a JSON string. */
  private static String json(String value) {
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
