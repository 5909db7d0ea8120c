package duban.reminder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import duban.reminder.FailureClass.Failure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Posts a text message to a unit's 企业微信 or 钉钉 group robot, signed when the unit has a 钉钉 secret, and reads
 * the answer: both robots report a refusal as {@code errcode} in an HTTP 200 body (see {@link Answers}).
 */
@Component
class RobotChannel {

  /** 企业微信 takes at most 2,048 bytes of text; 钉钉 more. Longer digests are cut with a pointer to the system. */
  static final int MAX_BYTES = 2000;

  private final Recipients recipients;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();

  RobotChannel(Recipients recipients) {
    this.recipients = recipients;
  }

  void post(String unit, String text) throws Failure, InterruptedException {
    String url = recipients.webhook(unit).orElseThrow(() -> new Failure(FailureClass.PERMANENT,
        recipients.name(unit) + "的机器人未配置（duban.reminders.webhooks." + unit + "）"));
    String target = recipients.webhookSecret(unit)
        .map(secret -> RobotSigner.signedUrl(url, secret, System.currentTimeMillis())).orElse(url);
    String who = recipients.name(unit) + "的机器人（duban.reminders.webhooks." + unit + "）";
    HttpResponse<String> response;
    try {
      String body = json.writeValueAsString(Map.of("msgtype", "text", "text", Map.of("content", text)));
      response = http.send(HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json; charset=utf-8")
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new Failure(FailureClass.TRANSIENT, who + "连接失败：" + e, e);
    }
    if (response.statusCode() / 100 != 2) {
      Answers.Meaning meaning = Answers.http(response.statusCode());
      throw new Failure(meaning.kind(), who + "答复 " + meaning.explanation());
    }
    JsonNode answer;
    try {
      answer = json.readTree(response.body());
    } catch (IOException e) {
      throw new Failure(FailureClass.PERMANENT, who + "的答复不是机器人的格式：" + abbreviate(response.body()));
    }
    int errcode = answer.path("errcode").asInt(-2);
    if (!answer.has("errcode")) {
      throw new Failure(FailureClass.PERMANENT, who + "的答复缺少 errcode：" + abbreviate(response.body()));
    }
    Answers.Meaning meaning = Answers.robot(errcode);
    if (meaning != null) {
      throw new Failure(meaning.kind(), who + "答复 errcode " + errcode + "「" + answer.path("errmsg").asText() + "」："
          + meaning.explanation());
    }
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
