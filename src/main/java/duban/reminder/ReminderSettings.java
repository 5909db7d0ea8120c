package duban.reminder;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The reminder ladder and its delivery. Thresholds are in calendar days before the due date; step limits live in
 * {@code duban.limits} and count working days. {@code claimTimeout}: how long a message taken for sending stays with
 * its sender before another node may take it over (the sender's node is presumed dead).
 *
 * <p>Delivery: {@code dispatchInterval} is how often each node looks for notices to send; a rung's notices to one
 * recipient are gathered into one digest once none has been added for {@code digestQuiet} (or the oldest has waited
 * {@code digestMaxWait}); rungs in {@code perTask} go out one message per task. {@code webhookSecrets} are 钉钉 加签
 * secrets by unit; {@code robotPace} caps each robot's messages per window.
 */
@ConfigurationProperties("duban.reminders")
public record ReminderSettings(
    int approachingDays,
    int urgeDays,
    Duration overdueRepeat,
    String retryCycle,
    Duration recoveryInterval,
    Duration claimTimeout,
    String from,
    String publicUrl,
    Map<String, String> roleEmails,
    Map<String, String> webhooks,
    Map<String, String> webhookSecrets,
    Duration dispatchInterval,
    Duration digestQuiet,
    Duration digestMaxWait,
    Set<NoticeKind> perTask,
    Pace robotPace,
    Sms sms) {

  /** At most {@code messages} per robot within any {@code window}. */
  public record Pace(int messages, Duration window) {}

  /**
   * The HTTP SMS gateway: {@code url} receives a POST of {@code template} (JSON, with {@code {phone}} and
   * {@code {text}} filled in), with HTTP Basic {@code username}/{@code password} if given. {@code signature} heads
   * each text (the 短信签名 the platform registered). No url: SMS is off.
   */
  public record Sms(String url, String template, String username, String password, String signature) {}

  public ReminderSettings {
    if (urgeDays >= approachingDays) {
      throw new IllegalArgumentException("duban.reminders.urge-days 须小于 approaching-days");
    }
    if (claimTimeout == null || claimTimeout.isNegative() || claimTimeout.isZero()) {
      throw new IllegalArgumentException("duban.reminders.claim-timeout 须为正的时长");
    }
    if (robotPace == null || robotPace.messages() < 1 || robotPace.window() == null || robotPace.window().isZero()) {
      throw new IllegalArgumentException("duban.reminders.robot-pace.messages 须至少为 1，window 须为正的时长");
    }
    roleEmails = roleEmails == null ? Map.of() : Map.copyOf(roleEmails);
    webhooks = webhooks == null ? Map.of() : Map.copyOf(webhooks);
    webhookSecrets = webhookSecrets == null ? Map.of() : Map.copyOf(webhookSecrets);
    perTask = perTask == null ? Set.of() : Set.copyOf(perTask);
    sms = sms == null ? new Sms(null, null, null, null, null) : sms;
  }

  /** The back-off between attempts of a failing message, e.g. PT1M,PT5M,PT15M,PT1H. */
  List<Duration> retries() {
    return Arrays.stream(retryCycle.split(",")).map(String::strip).map(Duration::parse).toList();
  }
}
